import { describe, expect, it } from 'vitest';
import { startConversation } from '../../conversations/index.ts';
import { PostgresDb } from '../../platform/db/index.ts';
import { createTestWorkspace, postgresTestContext } from '../../testing/index.ts';
import { createPolicy } from '../policies/policy-commands.ts';
import { startSla } from '../sla-runtime.ts';
import { sweepSla } from './sla-sweep.ts';

const url = process.env.DATABASE_URL;
const system = { type: 'system' } as const;

describe.runIf(url)('SLA schedulers on PostgreSQL', () => {
  it('when four schedulers on separate connection pools sweep the same due clocks at once, then each breach and each step fires exactly once', async () => {
    const ctx = await postgresTestContext(url!);
    const sla = await startSla(ctx, { sweepMs: 0 });
    const workspace = await createTestWorkspace(ctx);
    await createPolicy(ctx, workspace.id, {
      name: 'Fast', conditions: {}, targets: { firstResponseSeconds: 60, nextResponseSeconds: null, resolutionSeconds: null },
      escalation: [
        { kind: 'first_response', offsetSeconds: -30, action: 'notify_owner' },
        { kind: 'first_response', offsetSeconds: 0, action: 'notify_supervisors' },
        { kind: 'first_response', offsetSeconds: 30, action: 'raise_priority' },
      ],
      calendarId: null, enabled: true,
    }, system);
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      ids.push((await startConversation(ctx, workspace.id, { channel: 'chat', contact: { name: `P${i}` }, message: { kind: 'customer', body: `hi ${i}` } }, system)).id);
    }
    await expect.poll(async () => (await ctx.db.query<{ n: number }>('select count(*)::int as n from sla_clocks'))[0]?.n, { timeout: 20_000 }).toBe(80);
    await sla.stop();

    // Other nodes: their own pools on the same schema, the same clock.
    const pools = await Promise.all([1, 2, 3].map(() => PostgresDb.open({ url: url!, schema: ctx.db.schema, maxConnections: 4 })));
    try {
      const nodes = [ctx, ...pools.map((db) => ({ ...ctx, db }))];
      ctx.clock.advance(120_000);
      const fired = await Promise.all(nodes.map((node) => sweepSla(node)));
      expect(fired.reduce((a, b) => a + b, 0)).toBe(40 * 4);
      expect(await Promise.all(nodes.map((node) => sweepSla(node)))).toEqual([0, 0, 0, 0]);
      const counts = await ctx.db.query<{ breached: number; escalated: number }>(
        `select count(*) filter (where type = 'sla.breached')::int as breached, count(*) filter (where type = 'sla.escalated')::int as escalated
         from events where subject_id = any($1::text[]) group by subject_id`, [ids],
      );
      expect(counts).toHaveLength(40);
      expect(counts.every((c) => c.breached === 1 && c.escalated === 3)).toBe(true);
    } finally {
      await Promise.all(pools.map((db) => db.close()));
    }
  }, 120_000);
});
