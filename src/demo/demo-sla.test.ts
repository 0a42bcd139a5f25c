import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSla } from '../sla/index.ts';
import { testContext, type TestContext } from '../testing/index.ts';
import { seedDemoWorkspace } from './seed-demo.ts';

let ctx: TestContext;
let sla: { stop(): Promise<void> };
beforeAll(async () => {
  ctx = await testContext();
  sla = await startSla(ctx, { sweepMs: 0 });
});
afterAll(async () => sla.stop());

describe('the demo workspace and SLAs', () => {
  it('when it is seeded, then live channels and email have their promises, and the sample conversations run clocks under them', async () => {
    const seeded = await seedDemoWorkspace(ctx, { adminPassword: 'demo-password-123' });
    const policies = await ctx.db.query<{ name: string }>('select name from sla_policies where workspace_id = $1 order by position', [seeded!.workspaceId]);
    expect(policies.map((p) => p.name)).toEqual(['Live channels · القنوات المباشرة', 'Email · البريد']);
    await expect.poll(async () => {
      const rows = await ctx.db.query<{ channel: string; policy_name: string }>(
        `select distinct c.channel, k.policy_name from sla_clocks k join conversations c on c.id = k.conversation_id where k.kind = 'first_response' order by c.channel`,
      );
      return rows.map((r) => [r.channel, r.policy_name]);
    }, { timeout: 10_000 }).toEqual(expect.arrayContaining([['chat', 'Live channels · القنوات المباشرة'], ['email', 'Email · البريد']]));
  });
});
