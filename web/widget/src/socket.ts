import { reconnectDelay } from './backoff.ts';
import { parseServerFrame, type ClientFrame, type ServerFrame } from './protocol.ts';

export type SocketStatus = 'connecting' | 'open' | 'down';

export interface SocketOptions {
  /** Called before every connection attempt (e.g. to refresh the session); returns the socket URL. */
  prepare(): Promise<string>;
  onFrame(frame: ServerFrame): void;
  onStatus(status: SocketStatus, failures: number): void;
}

const HEARTBEAT_MS = 20_000;
/** No frame at all (a pong at least) for this long: the connection is dead even if the browser has not noticed. */
const SILENCE_MS = 45_000;

/**
 * One WebSocket that is always coming back: reconnects with backoff, pings so a half-open
 * connection is noticed, answers the server's JSON pings, and reconnects at once when the browser
 * comes back online. Call `healthy()` once the server's `ready` arrives, to reset the backoff.
 */
export class ReconnectingSocket {
  private ws: WebSocket | null = null;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private lastHeard = 0;
  private connecting = false;

  constructor(private readonly options: SocketOptions) {
    addEventListener('online', () => this.now());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.now();
    });
  }

  start(): void {
    void this.connect();
  }

  healthy(): void {
    this.failures = 0;
  }

  /** Writes a frame if the socket is open; false otherwise (the caller keeps what matters and re-sends after `ready`). */
  send(frame: ClientFrame): boolean {
    if (this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(frame));
    return true;
  }

  /** Skip the wait: used when the network returns or the page becomes visible again. */
  private now(): void {
    if (this.retryTimer === null) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    void this.connect();
  }

  private async connect(): Promise<void> {
    if (this.connecting || this.ws) return;
    this.connecting = true;
    this.options.onStatus('connecting', this.failures);
    let url: string;
    try {
      url = await this.options.prepare();
    } catch {
      this.connecting = false;
      return this.retry();
    }
    this.connecting = false;
    const ws = new WebSocket(url);
    this.ws = ws;
    ws.onopen = () => {
      this.heard();
      this.heartbeat = setInterval(() => {
        if (performance.now() - this.lastHeard > SILENCE_MS) this.drop(ws);
        else this.send({ type: 'ping' });
      }, HEARTBEAT_MS);
      this.options.onStatus('open', this.failures);
    };
    ws.onmessage = (event) => {
      this.heard();
      const frame = parseServerFrame(event.data);
      if (!frame || frame.type === 'pong') return;
      if (frame.type === 'ping') this.send({ type: 'pong' });
      else this.options.onFrame(frame);
    };
    ws.onclose = () => this.drop(ws);
  }

  private heard(): void {
    this.lastHeard = performance.now();
  }

  private drop(ws: WebSocket): void {
    if (this.ws !== ws) return;
    ws.onopen = ws.onmessage = ws.onclose = null;
    try {
      ws.close();
    } catch {
      // already closed
    }
    this.ws = null;
    if (this.heartbeat !== null) clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.retry();
  }

  private retry(): void {
    const delay = reconnectDelay(this.failures++, Math.random());
    this.options.onStatus('down', this.failures);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
  }
}
