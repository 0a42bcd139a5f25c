import { backoffDelay, defaultBackoff, type BackoffOptions } from './backoff';
import { parseServerFrame, type ClientFrame, type ServerFrame } from './frames';

export type SocketStatus = 'connecting' | 'live' | 'offline';

/** The part of the browser WebSocket this client uses (a fake one in tests). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
  setInterval(fn: () => void, ms: number): number;
  clearInterval(id: number): void;
}

export interface AgentSocketOptions {
  url: string;
  onFrame: (frame: ServerFrame) => void;
  onStatus: (status: SocketStatus) => void;
  connect?: (url: string) => SocketLike;
  timers?: Timers;
  backoff?: BackoffOptions;
  random?: () => number;
  /** How often to send `ping`; two unanswered in a row and the socket is dropped and reopened. */
  heartbeatMs?: number;
}

const OPEN = 1;

const browserTimers: Timers = {
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  clearTimeout: (id) => window.clearTimeout(id),
  setInterval: (fn, ms) => window.setInterval(fn, ms),
  clearInterval: (id) => window.clearInterval(id),
};

/**
 * The agent socket's transport: connects, reports `live` once the server said `ready`, keeps
 * itself alive with pings, and reconnects with backoff whenever it drops, until stopped.
 */
export class AgentSocket {
  private socket: SocketLike | null = null;
  private attempt = 0;
  private retryTimer: number | null = null;
  private heartbeat: number | null = null;
  private unanswered = 0;
  private stopped = true;
  private status: SocketStatus = 'offline';
  private readonly timers: Timers;
  private readonly connect: (url: string) => SocketLike;

  constructor(private readonly options: AgentSocketOptions) {
    this.timers = options.timers ?? browserTimers;
    this.connect = options.connect ?? ((url) => new WebSocket(url) as unknown as SocketLike);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    this.clearRetry();
    this.stopHeartbeat();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
      socket.close(1000, 'signed out');
    }
    this.setStatus('offline');
  }

  /** Skip the rest of the backoff wait (e.g. the browser says it is online again). */
  reconnectNow(): void {
    if (this.stopped || this.socket) return;
    this.clearRetry();
    this.attempt = 0;
    this.open();
  }

  /** Sends a frame when the socket is live; false when it is not (the caller falls back or waits). */
  send(frame: ClientFrame): boolean {
    if (this.status !== 'live' || !this.socket || this.socket.readyState !== OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  private open(): void {
    this.setStatus('connecting');
    let socket: SocketLike;
    try {
      socket = this.connect(this.options.url);
    } catch {
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    socket.onmessage = (event) => {
      if (typeof event.data !== 'string') return;
      this.unanswered = 0;
      const frame = parseServerFrame(event.data);
      if (!frame) return;
      if (frame.type === 'ready') {
        this.attempt = 0;
        this.setStatus('live');
        this.startHeartbeat();
      }
      this.options.onFrame(frame);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.stopHeartbeat();
      this.setStatus('offline');
      this.scheduleRetry();
    };
    socket.onerror = () => {
      // A close event always follows; reconnecting is decided there.
    };
  }

  private scheduleRetry(): void {
    if (this.stopped) return;
    this.clearRetry();
    const delay = backoffDelay(this.attempt, this.options.backoff ?? defaultBackoff, this.options.random);
    this.attempt += 1;
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      if (!this.stopped && !this.socket) this.open();
    }, delay);
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private startHeartbeat(): void {
    this.stopHeartbeat();
    this.unanswered = 0;
    this.heartbeat = this.timers.setInterval(() => {
      const socket = this.socket;
      if (!socket) return;
      if (this.unanswered >= 2) {
        // Dead without a close event (a sleeping laptop, a dropped NAT entry): start over.
        socket.close(4000, 'no pong');
        socket.onclose?.({});
        return;
      }
      this.unanswered += 1;
      if (socket.readyState === OPEN) socket.send(JSON.stringify({ type: 'ping' } satisfies ClientFrame));
    }, this.options.heartbeatMs ?? 25_000);
  }

  private stopHeartbeat(): void {
    if (this.heartbeat !== null) this.timers.clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  private setStatus(status: SocketStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.options.onStatus(status);
  }
}
