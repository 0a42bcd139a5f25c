import { validAttachments, type Attachment, type ClientFrame, type ConversationSummary, type MessageKind, type WireMessage } from './protocol.ts';

/**
 * The visitor's side of docs/chat-protocol.md §3, with no I/O: which conversations are shown and
 * the last seq held for each, the outbox of sends not yet acknowledged, and the merged timeline.
 * Every method takes what arrived and returns the frames to send; the caller owns the socket.
 */

export type MessageState = 'pending' | 'sent' | 'failed';

export interface ShownMessage {
  /** stable identity for rendering: 'c:'+clientId for the visitor's own sends, else 'm:'+id */
  key: string;
  conversationId: string | null;
  id?: string;
  seq?: number;
  kind: MessageKind;
  authorName?: string;
  body: string;
  /** the message's files; for a pending send, the uploads it carries */
  attachments?: Attachment[];
  clientId?: string;
  createdAt?: string;
  state: MessageState;
}

export interface OutboxItem {
  clientId: string;
  body: string;
  conversationId?: string;
  /** uploaded files the send carries; kept with it so every resend names the same ids */
  attachments?: Attachment[];
}

interface Tracked {
  status: string;
  lastSeq: number;
  order: number;
}

function sendFrame({ clientId, body, conversationId, attachments }: OutboxItem): ClientFrame {
  const frame: Extract<ClientFrame, { type: 'send' }> = { type: 'send', clientId, body };
  if (conversationId) frame.conversationId = conversationId;
  if (attachments?.length) frame.attachmentIds = attachments.map((a) => a.id);
  return frame;
}

/** An outbox entry, with attachments only when there are some. */
function outboxItem(clientId: string, body: string, conversationId: string | undefined, attachments: readonly Attachment[] | undefined): OutboxItem {
  const item: OutboxItem = { clientId, body };
  if (conversationId) item.conversationId = conversationId;
  if (attachments?.length) item.attachments = [...attachments];
  return item;
}

export class ChatState {
  /** the conversation new messages go to; null until one is known */
  current: string | null = null;
  private readonly conversations = new Map<string, Tracked>();
  private readonly messages = new Map<string, ShownMessage & { order: number }>();
  private outbox: OutboxItem[] = [];
  private counter = 0;
  private wantHandoff = false;
  private handoffDoneFor: string | null = null;

  /**
   * @param restored sends that were unacknowledged when the page was left; shown as pending and
   *   re-sent after the next `ready`
   * @param preferred the conversation shown before, chosen again if it is still open
   */
  constructor(restored: readonly OutboxItem[] = [], private readonly preferred: string | null = null) {
    for (const item of restored) {
      if (!item || typeof item.clientId !== 'string' || typeof item.body !== 'string' || this.messages.has('c:' + item.clientId)) continue;
      const attachments = validAttachments(item.attachments);
      this.outbox.push(outboxItem(item.clientId, item.body, typeof item.conversationId === 'string' ? item.conversationId : undefined, attachments));
      this.add({ key: 'c:' + item.clientId, conversationId: item.conversationId ?? null, kind: 'customer', body: item.body, attachments, clientId: item.clientId, state: 'pending' });
    }
  }

  /** The open conversation typing and handoff frames refer to, if any. */
  active(): string | null {
    const c = this.current === null ? undefined : this.conversations.get(this.current);
    return c && c.status !== 'closed' ? this.current : null;
  }

  /** Whether the shown conversation has been closed (a new message starts a new one). */
  closed(): boolean {
    return this.current !== null && this.active() === null;
  }

  /** The visitor writes a message, with the files already uploaded for it. */
  send(body: string, clientId: string, attachments: readonly Attachment[] = []): ClientFrame {
    const conversationId = this.active() ?? undefined;
    const item = outboxItem(clientId, body, conversationId, attachments);
    this.outbox.push(item);
    this.add({ key: 'c:' + clientId, conversationId: conversationId ?? null, kind: 'customer', body, attachments: [...attachments], clientId, state: 'pending' });
    return sendFrame(item);
  }

  /** After (re)connecting: resume each shown conversation from the last seq held, then re-send every unacknowledged send. */
  ready(list: readonly ConversationSummary[]): ClientFrame[] {
    const listed = new Map(list.map((c) => [c.id, c]));
    for (const [id, tracked] of this.conversations) {
      const status = listed.get(id)?.status;
      if (status) tracked.status = status;
    }
    if (this.active() === null) {
      // Sanad lists the visitor's chats newest first; the newest one not closed is where new messages go.
      const open = list.filter((c) => c.status !== 'closed');
      const pick = open.find((c) => c.id === this.preferred) ?? open[0];
      if (pick) {
        this.track(pick.id, pick.status);
        this.current = pick.id;
      }
    }
    const frames: ClientFrame[] = [];
    for (const [id, tracked] of this.conversations) {
      if (listed.has(id)) frames.push({ type: 'resume', conversationId: id, afterSeq: tracked.lastSeq });
    }
    frames.push(...this.outbox.map(sendFrame));
    const active = this.active();
    if (this.wantHandoff && active) frames.push({ type: 'handoff', conversationId: active });
    return frames;
  }

  /** A send was committed (or had been, when `duplicate`). Returns frames to send: a resume to follow a conversation the send started, and a waiting handoff. */
  ack(a: { clientId: string; conversationId: string; messageId?: string; seq: number }): ClientFrame[] {
    const frames: ClientFrame[] = [];
    const wasPending = this.outbox.some((i) => i.clientId === a.clientId);
    this.outbox = this.outbox.filter((i) => i.clientId !== a.clientId);
    const m = this.messages.get('c:' + a.clientId);
    if (!m && !wasPending) return frames;
    if (!this.conversations.has(a.conversationId)) {
      this.track(a.conversationId, 'open');
      frames.push({ type: 'resume', conversationId: a.conversationId, afterSeq: 0 });
    }
    if (this.active() === null) this.current = a.conversationId;
    if (m) {
      m.state = 'sent';
      m.seq = a.seq;
      m.conversationId = a.conversationId;
      if (a.messageId) m.id = a.messageId;
    }
    if (this.wantHandoff && this.active() === a.conversationId) frames.push({ type: 'handoff', conversationId: a.conversationId });
    return frames;
  }

  /** A committed message. Returns false when it was dropped as already held (seq not above the last held). */
  message(conversationId: string, w: WireMessage): boolean {
    if (w.kind === 'note') return false;
    let c = this.conversations.get(conversationId);
    if (!c) {
      c = this.track(conversationId, 'open');
      if (this.active() === null) this.current = conversationId;
    }
    if (w.seq <= c.lastSeq) return false;
    c.lastSeq = w.seq;
    const fields = { conversationId, id: w.id, seq: w.seq, kind: w.kind, body: w.body, attachments: w.attachments ?? [], state: 'sent' as const, authorName: w.author.name, createdAt: w.createdAt };
    const own = w.clientId ? this.messages.get('c:' + w.clientId) : undefined;
    const same = own ?? [...this.messages.values()].find((m) => m.id === w.id && m.conversationId === conversationId);
    if (same) {
      Object.assign(same, fields);
      this.outbox = this.outbox.filter((i) => i.clientId !== same.clientId);
    } else {
      this.add({ key: 'm:' + w.id, ...fields, ...(w.clientId ? { clientId: w.clientId } : {}) });
    }
    return true;
  }

  /** A conversation changed status. Returns whether it is one this widget shows. */
  status(id: string, status: string): boolean {
    const c = this.conversations.get(id);
    if (c) c.status = status;
    return c !== undefined;
  }

  /**
   * The server refused a frame. For a send (`ref` = its clientId): rate limited → keep it and
   * retry later; its conversation closed or not the visitor's → send it again without a
   * conversation, which starts a new one; anything else → mark it failed (the visitor may retry).
   */
  error(code: string, ref: string | undefined): { frames: ClientFrame[]; retryLater: boolean } {
    const item = this.outbox.find((i) => i.clientId === ref);
    if (!item) return { frames: [], retryLater: false };
    if (code === 'RATE_LIMITED') return { frames: [], retryLater: true };
    if ((code === 'CONVERSATION_CLOSED' || code === 'NOT_FOUND') && item.conversationId) {
      const c = this.conversations.get(item.conversationId);
      if (c && code === 'CONVERSATION_CLOSED') c.status = 'closed';
      if (this.current === item.conversationId) this.current = null;
      for (const i of this.outbox) if (i.conversationId === item.conversationId) delete i.conversationId;
      for (const m of this.messages.values()) if (m.state === 'pending' && m.conversationId === item.conversationId) m.conversationId = null;
      return { frames: [sendFrame(item)], retryLater: false };
    }
    this.outbox = this.outbox.filter((i) => i !== item);
    const m = this.messages.get('c:' + item.clientId);
    if (m) m.state = 'failed';
    return { frames: [], retryLater: false };
  }

  /** The visitor retries a failed send, with the same clientId so it cannot be committed twice. */
  retry(clientId: string): ClientFrame | null {
    const m = this.messages.get('c:' + clientId);
    if (!m || m.state !== 'failed') return null;
    m.state = 'pending';
    const conversationId = this.active() ?? undefined;
    m.conversationId = conversationId ?? null;
    const item = outboxItem(clientId, m.body, conversationId, m.attachments);
    this.outbox.push(item);
    return sendFrame(item);
  }

  /** The send frames not yet acknowledged, in order (to re-send, e.g. after a rate limit). */
  unacked(): OutboxItem[] {
    return this.outbox.map((i) => (i.attachments ? { ...i, attachments: i.attachments.map((a) => ({ ...a })) } : { ...i }));
  }

  resendFrames(): ClientFrame[] {
    return this.outbox.map(sendFrame);
  }

  /**
   * "Talk to a person". With an open conversation this is the handoff frame; without one, the
   * visitor's request is sent as a message first and the handoff follows its ack.
   */
  requestHandoff(message: string, clientId: string): ClientFrame[] {
    this.wantHandoff = true;
    const active = this.active();
    return active ? [{ type: 'handoff', conversationId: active }] : [this.send(message, clientId)];
  }

  /** The caller wrote a handoff frame to an open socket. */
  handoffSent(conversationId: string): void {
    this.wantHandoff = false;
    this.handoffDoneFor = conversationId;
  }

  handoffRequested(): boolean {
    return this.wantHandoff || (this.handoffDoneFor !== null && this.handoffDoneFor === this.active());
  }

  /** The timeline: conversations in the order they were first shown, each by seq; unacknowledged sends after what is committed. */
  list(): ShownMessage[] {
    const rank = (m: ShownMessage) => (m.conversationId === null ? Infinity : (this.conversations.get(m.conversationId)?.order ?? Infinity));
    return [...this.messages.values()]
      .sort((a, b) => rank(a) - rank(b) || (a.seq ?? Infinity) - (b.seq ?? Infinity) || a.order - b.order)
      .map(({ order: _order, ...m }) => m);
  }

  private track(id: string, status: string): Tracked {
    const t: Tracked = { status, lastSeq: 0, order: this.conversations.size };
    this.conversations.set(id, t);
    return t;
  }

  private add(m: ShownMessage): void {
    this.messages.set(m.key, { ...m, order: this.counter++ });
  }
}
