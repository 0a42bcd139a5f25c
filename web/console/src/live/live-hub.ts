import type { Conversation, Message } from '../api/types';
import { AgentSocket, type AgentSocketOptions, type SocketStatus } from './agent-socket';
import type { ServerFrame } from './frames';

export type LiveEvent =
  | { type: 'status'; status: SocketStatus }
  /** The socket is (again) live: refetch what may have changed while it was not. */
  | { type: 'resync' }
  | { type: 'conversation'; conversation: Partial<Conversation> & { id: string } }
  | { type: 'message'; conversationId: string; message: Message }
  | { type: 'resumed'; conversationId: string; lastSeq: number }
  | ConversationEvent
  | { type: 'typing'; conversationId: string; typing: boolean; who: { type: 'agent' | 'contact'; name?: string } }
  | { type: 'error'; code: string; message: string };

/**
 * Something else happened to a conversation (a reply sent or failing, an SLA breach, …), named by its
 * event type: whoever shows that part of the conversation fetches it again.
 */
export interface ConversationEvent {
  type: 'conversation_event';
  conversationId: string;
  /** The event type, `family.what`: `email.sent`, `email.failed`, `sla.breached`, `sla.met`, … */
  event: string;
}

type Listener = (event: LiveEvent) => void;

/**
 * Whether `event` is a `conversation_event` of `family` (`'sla'` matches `sla.breached`, `sla.met`,
 * … but not `sla_policy.changed`), and, when `conversationId` is given, about that conversation.
 */
export function isConversationEvent(event: LiveEvent, family: string, conversationId?: string): boolean {
  return (
    event.type === 'conversation_event' && event.event.startsWith(`${family}.`) &&
    (conversationId === undefined || event.conversationId === conversationId)
  );
}

/**
 * The console's view of `/ws/agent`: fans frames out to whoever listens, and after every
 * `ready` resumes each conversation on screen from the last seq it holds.
 */
export class LiveHub {
  private readonly listeners = new Set<Listener>();
  private readonly watched = new Map<string, Set<() => number>>();
  private readonly socket: AgentSocket;
  status: SocketStatus = 'offline';

  constructor(options: Omit<AgentSocketOptions, 'onFrame' | 'onStatus'>) {
    this.socket = new AgentSocket({
      ...options,
      onFrame: (frame) => this.onFrame(frame),
      onStatus: (status) => {
        this.status = status;
        this.emit({ type: 'status', status });
      },
    });
  }

  start(): void {
    this.socket.start();
  }

  stop(): void {
    this.socket.stop();
  }

  reconnectNow(): void {
    this.socket.reconnectNow();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Keeps a conversation's messages coming: resumes it now (if live) and after every reconnect,
   * from `lastSeq()` — the last seq the caller holds without a gap.
   */
  watch(conversationId: string, lastSeq: () => number): () => void {
    let getters = this.watched.get(conversationId);
    if (!getters) this.watched.set(conversationId, (getters = new Set()));
    getters.add(lastSeq);
    this.resume(conversationId, lastSeq());
    return () => {
      getters.delete(lastSeq);
      if (getters.size === 0) this.watched.delete(conversationId);
    };
  }

  resume(conversationId: string, afterSeq: number): boolean {
    return this.socket.send({ type: 'resume', conversationId, afterSeq });
  }

  typing(conversationId: string, typing: boolean): void {
    this.socket.send({ type: 'typing', conversationId, typing });
  }

  private onFrame(frame: ServerFrame): void {
    switch (frame.type) {
      case 'ready':
        this.emit({ type: 'resync' });
        for (const [conversationId, getters] of this.watched) {
          this.resume(conversationId, Math.min(...[...getters].map((get) => get())));
        }
        return;
      case 'pong':
        return;
      case 'error':
        this.emit({ type: 'error', code: frame.code, message: frame.message });
        return;
      default:
        this.emit(frame);
    }
  }

  private emit(event: LiveEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}

/** ws:// or wss:// on the page's own host. */
export function agentSocketUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/agent`;
}
