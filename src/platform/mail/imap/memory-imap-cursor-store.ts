/**
 * The IMAP cursor store in memory, for tests and tools. It keeps the contract of a durable store
 * (such as the email channel's database one): saving never moves a cursor backwards under the same
 * UIDVALIDITY.
 */
import type { ImapCursor, ImapCursorStore } from './imap-types.ts';

export class MemoryImapCursorStore implements ImapCursorStore {
  readonly cursors = new Map<string, ImapCursor>();

  async load(mailboxId: string): Promise<ImapCursor | null> {
    const c = this.cursors.get(mailboxId);
    return c ? { ...c } : null;
  }

  async save(mailboxId: string, cursor: ImapCursor): Promise<void> {
    const c = this.cursors.get(mailboxId);
    if (c && c.uidValidity === cursor.uidValidity && c.lastUid >= cursor.lastUid) return;
    this.cursors.set(mailboxId, { ...cursor });
  }
}
