import type { MessageKind } from '../../conversations/index.ts';

export interface StreamedMessage {
  seq: number;
  kind: MessageKind;
}

/**
 * Delivers one conversation's messages to one socket in sequence order, each once. Deliveries are
 * chained, so a notification that arrives while a backfill runs waits its turn; anything at or
 * below the last delivered sequence is dropped, and a gap is filled from the database.
 */
export class ConversationStream<M extends StreamedMessage> {
  private lastSeq: number;
  private chain: Promise<void> = Promise.resolve();
  private readonly fetchAfter: (afterSeq: number) => Promise<M[]>;
  private readonly deliver: (message: M) => void;
  private readonly visible: (kind: MessageKind) => boolean;

  constructor(options: { lastSeq: number; fetchAfter: (afterSeq: number) => Promise<M[]>; deliver: (message: M) => void; visible: (kind: MessageKind) => boolean }) {
    this.lastSeq = options.lastSeq;
    this.fetchAfter = options.fetchAfter;
    this.deliver = options.deliver;
    this.visible = options.visible;
  }

  get position(): number {
    return this.lastSeq;
  }

  /**
   * A message with this sequence was committed. When it is the next one and comes with its
   * content, it is delivered straight away; only a gap costs a database read.
   */
  notify(seq: number, kind: MessageKind, message?: M): Promise<void> {
    return this.enqueue(async () => {
      if (seq <= this.lastSeq) return;
      if (seq === this.lastSeq + 1 && (message || !this.visible(kind))) {
        this.lastSeq = seq;
        if (message && this.visible(kind)) this.deliver(message);
        return;
      }
      await this.fill(seq);
    });
  }

  /** The client holds everything up to `afterSeq`: send the rest. Resolves with the new position. */
  resume(afterSeq: number): Promise<number> {
    return this.enqueue(async () => {
      this.lastSeq = afterSeq;
      await this.fill(Number.POSITIVE_INFINITY);
    }).then(() => this.lastSeq);
  }

  private async fill(upTo: number): Promise<void> {
    for (;;) {
      const batch = await this.fetchAfter(this.lastSeq);
      for (const message of batch) {
        if (message.seq <= this.lastSeq) continue;
        this.lastSeq = message.seq;
        this.deliver(message);
      }
      if (batch.length === 0) {
        // Only hidden lines (internal notes) were left: step over them.
        if (Number.isFinite(upTo) && upTo > this.lastSeq) this.lastSeq = upTo;
        return;
      }
      if (this.lastSeq >= upTo) return;
    }
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.chain.then(work);
    this.chain = next.catch(() => {});
    return next;
  }
}
