import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, PgliteDb, type Db } from '../../../platform/db/index.ts';
import { MemoryImapCursorStore, type ImapCursorStore } from '../../../platform/mail/index.ts';
import { DbImapCursorStore } from './imap-cursor-store.ts';
import { imapMigrations } from './migrations.ts';

const mailboxId = '0192f3a4-0000-7000-8000-000000000001';
let db: Db;

beforeAll(async () => {
  db = await PgliteDb.open({ schema: 'imap_cursor_test' });
  await migrate(db, imapMigrations);
});
afterAll(async () => db.close());

// The database store and its in-memory twin honour the same contract.
for (const [name, make] of [['database', () => new DbImapCursorStore(db)], ['memory', () => new MemoryImapCursorStore()]] as const) {
  describe(`the ${name} cursor store`, () => {
    let store: ImapCursorStore;
    beforeAll(() => {
      store = make();
    });

    it('when a mailbox was never fetched, then it has no cursor', async () => {
      expect(await store.load('0192f3a4-0000-7000-8000-0000000000ff')).toBeNull();
    });

    it('when a cursor is saved, then it loads back exactly, UIDVALIDITY above 2^31 included', async () => {
      await store.save(mailboxId, { uidValidity: '4294967295', lastUid: 7 });
      expect(await store.load(mailboxId)).toEqual({ uidValidity: '4294967295', lastUid: 7 });
    });

    it('when a stale fetcher saves an older UID under the same UIDVALIDITY, then the cursor does not move back', async () => {
      await store.save(mailboxId, { uidValidity: '4294967295', lastUid: 9 });
      await store.save(mailboxId, { uidValidity: '4294967295', lastUid: 8 });
      expect(await store.load(mailboxId)).toEqual({ uidValidity: '4294967295', lastUid: 9 });
    });

    it('when UIDVALIDITY changed, then the cursor restarts at the new one even though the UID is lower', async () => {
      await store.save(mailboxId, { uidValidity: '12', lastUid: 0 });
      expect(await store.load(mailboxId)).toEqual({ uidValidity: '12', lastUid: 0 });
      await store.save(mailboxId, { uidValidity: '12', lastUid: 3_000_000_000 });
      expect(await store.load(mailboxId)).toEqual({ uidValidity: '12', lastUid: 3_000_000_000 });
    });
  });
}

describe('the imap_cursors migration', () => {
  it('when run twice, then the second run finds nothing to do', async () => {
    expect((await migrate(db, imapMigrations)).applied).toEqual([]);
  });
});
