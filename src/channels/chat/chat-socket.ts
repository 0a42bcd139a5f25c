import type { WebSocket } from 'ws';
import { listMessages, type MessageKind } from '../../conversations/index.ts';
import { isAppError } from '../../kernel/index.ts';
import type { ChatContext } from './chat-session.ts';
import { ConversationStream } from './conversation-stream.ts';
import type { MessageView, MessageViewer } from './message-view.ts';
import type { FrameParse } from './chat-frames.ts';

export interface SocketDeps {
  ctx: ChatContext;
  view: MessageViewer;
  signalTyping: (signal: TypingSignal) => Promise<void>;
  log: (error: unknown, context: string) => void;
}

export interface TypingSignal {
  workspaceId: string;
  conversationId: string;
  typing: boolean;
  who: { type: 'contact' | 'agent'; name?: string };
}

/** The frames both sides send; each side adds its own. */
type CommonFrame = { type: 'ping' } | { type: 'resume'; conversationId: string; afterSeq: number } | { type: 'typing'; conversationId: string; typing: boolean };

export type SocketErrorCode = 'BAD_FRAME' | 'FRAME_TOO_LARGE' | 'RATE_LIMITED' | 'NOT_FOUND' | 'CONVERSATION_CLOSED' | 'IDEMPOTENCY_CONFLICT' | 'INTERNAL';

/** What every chat socket does: frames in and out, heartbeats, one ordered stream per conversation. */
export abstract class ChatSocket {
  abstract readonly workspaceId: string;
  protected readonly streams = new Map<string, ConversationStream<MessageView>>();
  private alive = true;

  constructor(protected readonly socket: WebSocket, protected readonly deps: SocketDeps) {
    socket.on('pong', () => {
      this.alive = true;
    });
    socket.on('message', (data, isBinary) => {
      if (isBinary) return this.error('BAD_FRAME', 'frames are JSON text, not binary');
      const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
      this.receive(text).catch((error: unknown) => this.failed(error, undefined));
    });
  }

  /** Kinds this side may see; visitors never see internal notes. */
  protected abstract readonly visibleKinds: readonly MessageKind[];
  protected abstract parse(text: string): FrameParse<CommonFrame | { type: string; clientId?: string }>;
  /** Refuses (NOT_FOUND) a conversation this socket may not touch. */
  protected abstract authorize(conversationId: string): Promise<void>;
  /** Who this socket's typing shows as. */
  protected abstract typist(): Promise<TypingSignal['who']>;
  /** Frames only this side sends. */
  protected abstract handleOwn(frame: { type: string }): Promise<void>;

  protected async receive(text: string): Promise<void> {
    const parsed = this.parse(text);
    if (!parsed.ok) return this.error(parsed.code, parsed.message, parsed.ref);
    const frame = parsed.frame;
    try {
      switch (frame.type) {
        case 'ping':
          return this.send({ type: 'pong' });
        case 'resume': {
          const { conversationId, afterSeq } = frame as Extract<CommonFrame, { type: 'resume' }>;
          await this.authorize(conversationId);
          return await this.resumeStream(conversationId, afterSeq);
        }
        case 'typing': {
          const { conversationId, typing } = frame as Extract<CommonFrame, { type: 'typing' }>;
          await this.authorize(conversationId);
          return await this.deps.signalTyping({ workspaceId: this.workspaceId, conversationId, typing, who: await this.typist() });
        }
        default:
          return await this.handleOwn(frame);
      }
    } catch (error) {
      this.failed(error, 'clientId' in frame ? frame.clientId : undefined);
    }
  }

  send(frame: object): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(frame));
  }

  error(code: SocketErrorCode, message: string, ref?: string): void {
    this.send({ type: 'error', code, message, ...(ref === undefined ? {} : { ref }) });
  }

  /** Called by the heartbeat timer: false when the peer stopped answering and was dropped. */
  heartbeat(): boolean {
    if (!this.alive) {
      this.socket.terminate();
      return false;
    }
    this.alive = false;
    this.socket.ping();
    return true;
  }

  close(code = 1001, reason = 'server shutting down'): void {
    this.socket.close(code, reason);
  }

  /** A message was committed in a conversation this socket follows. */
  notifyMessage(conversationId: string, seq: number, kind: MessageKind, message?: MessageView): void {
    const stream = this.streams.get(conversationId) ?? this.openStream(conversationId, seq - 1);
    stream.notify(seq, kind, message).catch((error: unknown) => this.deps.log(error, 'chat delivery'));
  }

  protected openStream(conversationId: string, lastSeq: number): ConversationStream<MessageView> {
    const stream = new ConversationStream<MessageView>({
      lastSeq,
      visible: (kind) => this.visibleKinds.includes(kind),
      fetchAfter: async (afterSeq) => {
        const page = await listMessages(this.deps.ctx, this.workspaceId, conversationId, { afterSeq, limit: 100, kinds: this.visibleKinds });
        return Promise.all(page.items.map((m) => this.deps.view(this.workspaceId, m)));
      },
      deliver: (message) => this.send({ type: 'message', conversationId, message }),
    });
    this.streams.set(conversationId, stream);
    return stream;
  }

  protected async resumeStream(conversationId: string, afterSeq: number): Promise<void> {
    const stream = this.streams.get(conversationId) ?? this.openStream(conversationId, afterSeq);
    const lastSeq = await stream.resume(afterSeq);
    this.send({ type: 'resumed', conversationId, lastSeq });
  }

  /** Turns a refused command into an error frame; anything unexpected is logged and reported as INTERNAL. */
  protected failed(error: unknown, ref: string | undefined): void {
    if (isAppError(error)) {
      const code: SocketErrorCode =
        error.code === 'CONVERSATION_NOT_FOUND' ? 'NOT_FOUND'
          : error.code === 'CONVERSATION_CLOSED' ? 'CONVERSATION_CLOSED'
            : error.code === 'IDEMPOTENCY_CONFLICT' ? 'IDEMPOTENCY_CONFLICT'
              : error.status < 500 ? 'BAD_FRAME' : 'INTERNAL';
      if (code !== 'INTERNAL') return this.error(code, error.message, ref);
    }
    this.deps.log(error, 'chat frame');
    this.error('INTERNAL', 'something went wrong on our side; try again', ref);
  }
}
