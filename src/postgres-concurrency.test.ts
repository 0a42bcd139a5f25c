import { describe, expect, it } from 'vitest';
import { findOrCreateContactIn, listContacts } from './contacts/index.ts';
import { listMessages, postMessage, startConversation } from './conversations/index.ts';
import { allMigrations } from './migrations.ts';
import { migrate, PostgresDb } from './platform/db/index.ts';
import { transact } from './platform/outbox/index.ts';
import { createTestWorkspace, postgresTestContext } from './testing/index.ts';

const url = process.env.DATABASE_URL;
const system = { type: 'system' } as const;

/** What PGlite cannot show: many connections writing at once, as several nodes would. */
describe.runIf(url)('on PostgreSQL with parallel connections', () => {
  it('when the whole migration set runs from two pools at once, then each migration is applied exactly once', async () => {
    const schema = `pgt_mig_${process.pid}_${Date.now().toString(36)}`;
    const a = await PostgresDb.open({ url: url!, schema });
    const b = await PostgresDb.open({ url: url!, schema });
    try {
      const results = await Promise.all([migrate(a, allMigrations), migrate(b, allMigrations)]);
      expect(results.map((r) => r.applied.length).sort((x, y) => x - y)).toEqual([0, allMigrations.length]);
      expect((await migrate(a, allMigrations)).applied).toEqual([]);
    } finally {
      await a.exec(`drop schema ${schema} cascade`);
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('when many messages are posted to one conversation at once, then sequences are gap-free and resends are not doubled', async () => {
    const ctx = await postgresTestContext(url!);
    const workspace = await createTestWorkspace(ctx);
    const c = await startConversation(ctx, workspace.id, { channel: 'chat', contact: { name: 'P' } }, system);
    const sends = Array.from({ length: 30 }, (_, i) => postMessage(ctx, workspace.id, c.id, { kind: 'customer', body: `m${i % 10}`, clientId: `k${i % 10}` }, system));
    const results = await Promise.all(sends);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(10);
    const seqs = (await listMessages(ctx, workspace.id, c.id, { limit: 100 })).items.map((m) => m.seq);
    expect(seqs).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
  });

  it('when one new sender writes twice at the same moment, then both messages meet one contact', async () => {
    const ctx = await postgresTestContext(url!);
    const workspace = await createTestWorkspace(ctx);
    const identity = { kind: 'phone' as const, value: '+966 55 000 1111' };
    const contacts = await Promise.all(
      Array.from({ length: 6 }, () => transact(ctx, (tx) => findOrCreateContactIn(tx, workspace.id, identity, { name: 'Racer' }, system))),
    );
    expect(new Set(contacts.map((c) => c.id)).size).toBe(1);
    expect((await listContacts(ctx, workspace.id, { limit: 50 })).items).toHaveLength(1);
  });
});

describe.skipIf(url)('on PostgreSQL with parallel connections', () => {
  it.skip('runs when DATABASE_URL is set', () => {});
});
