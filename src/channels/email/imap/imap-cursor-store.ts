/**
 * The IMAP cursors in the database, one row per mailbox. Saving never moves a cursor backwards
 * under the same UIDVALIDITY, so a fetcher that was replaced but had not quite finished (an update
 * racing a slow sink) cannot make its successor fetch mail again. Its in-memory twin,
 * MemoryImapCursorStore, lives beside the fetcher in platform/mail.
 */
import type { Sql } from '../../../platform/db/index.ts';
import type { ImapCursor, ImapCursorStore } from '../../../platform/mail/index.ts';

export class DbImapCursorStore implements ImapCursorStore {
  private readonly sql: Sql;
  private readonly clock: () => Date;

  constructor(sql: Sql, clock: () => Date = () => new Date()) {
    this.sql = sql;
    this.clock = clock;
  }

  async load(mailboxId: string): Promise<ImapCursor | null> {
    const rows = await this.sql.query<{ uid_validity: string; last_uid: string | number }>(
      'select uid_validity, last_uid from imap_cursors where mailbox_id = $1', [mailboxId],
    );
    const row = rows[0];
    return row ? { uidValidity: row.uid_validity, lastUid: Number(row.last_uid) } : null;
  }

  async save(mailboxId: string, cursor: ImapCursor): Promise<void> {
    await this.sql.query(
      `insert into imap_cursors (mailbox_id, uid_validity, last_uid, updated_at) values ($1, $2, $3, $4)
       on conflict (mailbox_id) do update set uid_validity = excluded.uid_validity, last_uid = excluded.last_uid, updated_at = excluded.updated_at
       where imap_cursors.uid_validity <> excluded.uid_validity or imap_cursors.last_uid < excluded.last_uid`,
      [mailboxId, cursor.uidValidity, cursor.lastUid, this.clock()],
    );
  }

  /** For when a mailbox is deleted from Sanad. */
  async remove(mailboxId: string): Promise<void> {
    await this.sql.query('delete from imap_cursors where mailbox_id = $1', [mailboxId]);
  }
}

