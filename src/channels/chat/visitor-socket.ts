import type { WebSocket } from 'ws';
import { getContact, type Contact } from '../../contacts/index.ts';
import { getConversation, listConversations, listMessages, postMessage, startConversation, type Conversation, type MessageKind } from '../../conversations/index.ts';
import { AppError, isAppError } from '../../kernel/index.ts';
import { admitSend, visitorRateLimit, type RateWindow } from './chat-rules.ts';
import { parseVisitorFrame, type VisitorFrame } from './chat-frames.ts';
import { ChatSocket, type SocketDeps, type TypingSignal } from './chat-socket.ts';
import { chatQueue } from './chat-session.ts';
import type { VisitorClaims } from './visitor-token.ts';

type Send = Extract<VisitorFrame, { type: 'send' }>;

/** A customer's socket: they read and write only their own conversations, and never see notes. */
export class VisitorSocket extends ChatSocket {
  readonly workspaceId: string;
  protected readonly visibleKinds: readonly MessageKind[] = ['customer', 'agent', 'bot', 'system'];
  private contact: Contact;
  private readonly owned = new Set<string>();
  private rate: RateWindow = { sent: [] };
  /** The chat this visitor last wrote in, so the next message needs no search. */
  private current: string | null = null;
  private queueSettled = false;

  constructor(
    socket: WebSocket,
    deps: SocketDeps,
    private readonly claims: VisitorClaims,
    contact: Contact,
  ) {
    super(socket, deps);
    this.workspaceId = claims.workspaceId;
    this.contact = contact;
  }

  /** Ids this visitor's conversations may carry (their contact and those merged into it). */
  get contactIds(): string[] {
    return [this.contact.id, ...this.contact.mergedFrom];
  }

  follows(conversationId: string): boolean {
    return this.owned.has(conversationId);
  }

  /** Sends `ready` with the visitor's chats, and follows each from its current end. */
  async start(): Promise<void> {
    const page = await listConversations(this.deps.ctx, this.workspaceId, { contactId: this.contact.id, channel: 'chat', limit: 50, sort: 'newest' });
    for (const c of page.items) this.follow(c.id, c.lastSeq);
    this.send({ type: 'ready', visitorId: this.claims.visitorId, conversations: page.items.map((c) => ({ id: c.id, status: c.status, lastSeq: c.lastSeq })) });
    this.current = page.items.find((c) => c.status !== 'closed')?.id ?? null;
    await this.refreshQueue();
  }

  /**
   * Tells the visitor where their chat stands: place in the queue and the wait that follows. Once
   * an agent has the chat it is settled, and only an assignment or status change asks again.
   */
  async refreshQueue(force = false): Promise<void> {
    if (!this.current || (this.queueSettled && !force)) return;
    const queue = await chatQueue(this.deps.ctx, this.workspaceId, this.current);
    this.queueSettled = queue.position === null;
    this.send({ type: 'queue', ...queue });
  }

  /** A conversation of this visitor's was created elsewhere (an agent wrote first). */
  follow(conversationId: string, lastSeq: number): void {
    this.owned.add(conversationId);
    if (!this.streams.has(conversationId)) this.openStream(conversationId, lastSeq);
  }

  protected parse(text: string) {
    return parseVisitorFrame(text);
  }

  protected async authorize(conversationId: string): Promise<void> {
    await this.own(conversationId);
  }

  protected async typist(): Promise<TypingSignal['who']> {
    return { type: 'contact' };
  }

  protected async handleOwn(frame: VisitorFrame): Promise<void> {
    if (frame.type === 'send') return this.onSend(frame);
    if (frame.type === 'handoff') {
      await this.own(frame.conversationId);
      await postMessage(this.deps.ctx, this.workspaceId, frame.conversationId, { kind: 'system', body: 'The customer asked to talk to a person.' }, this.actor());
    }
  }

  private actor() {
    return { type: 'contact', id: this.contact.id } as const;
  }

  private async onSend(frame: Send): Promise<void> {
    const admitted = admitSend(this.rate, this.deps.ctx.clock().getTime());
    if (!admitted) {
      return this.error('RATE_LIMITED', `at most ${visitorRateLimit.messages} messages per ${visitorRateLimit.windowMs / 1000} seconds`, frame.clientId);
    }
    this.rate = admitted;
    const message = { kind: 'customer' as const, body: frame.body, clientId: frame.clientId, attachmentIds: frame.attachmentIds };
    if (frame.conversationId) await this.own(frame.conversationId);
    const targetId = frame.conversationId ?? this.current ?? (await this.currentChat());
    if (targetId) {
      try {
        const posted = await postMessage(this.deps.ctx, this.workspaceId, targetId, message, this.actor());
        this.current = targetId;
        // A message in a chat already in line does not move it: the timer and assignments refresh the place.
        return this.ack(frame.clientId, targetId, posted.message.id, posted.message.seq, posted.duplicate);
      } catch (error) {
        // The remembered chat was closed meanwhile: this message starts a new one.
        if (frame.conversationId || !isAppError(error) || error.code !== 'CONVERSATION_CLOSED') throw error;
      }
    }
    const started = await startConversation(this.deps.ctx, this.workspaceId, { channel: 'chat', contactId: this.contact.id, language: this.contact.language, message }, this.actor());
    this.follow(started.id, 0);
    this.current = started.id;
    this.queueSettled = false;
    const [first] = (await listMessages(this.deps.ctx, this.workspaceId, started.id, { afterSeq: 0, limit: 1 })).items;
    this.ack(frame.clientId, started.id, first!.id, first!.seq, false);
    await this.refreshQueue();
  }

  private ack(clientId: string, conversationId: string, messageId: string, seq: number, duplicate: boolean): void {
    this.send({ type: 'ack', clientId, conversationId, messageId, seq, duplicate });
  }

  /** The chat a new message joins: the newest one not closed, or none. */
  private async currentChat(): Promise<string | null> {
    const page = await listConversations(this.deps.ctx, this.workspaceId, {
      contactId: this.contact.id, channel: 'chat', statuses: ['open', 'pending', 'resolved'], limit: 1, sort: 'newest',
    });
    return page.items[0]?.id ?? null;
  }

  /** The conversation, if it is this visitor's; otherwise NOT_FOUND, exactly as if it did not exist. */
  private async own(conversationId: string): Promise<Pick<Conversation, 'id'>> {
    if (this.owned.has(conversationId)) return { id: conversationId };
    const notFound = () => new AppError('CONVERSATION_NOT_FOUND', 'no such conversation');
    const conversation = await getConversation(this.deps.ctx, this.workspaceId, conversationId).catch(() => {
      throw notFound();
    });
    if (!this.contactIds.includes(conversation.contactId)) {
      // The visitor may have been merged into a known customer since connecting.
      this.contact = await getContact(this.deps.ctx, this.workspaceId, this.contact.id);
      if (!this.contactIds.includes(conversation.contactId)) throw notFound();
    }
    if (!this.owned.has(conversation.id)) this.follow(conversation.id, conversation.lastSeq);
    return conversation;
  }
}
