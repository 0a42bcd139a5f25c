import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listConversations } from '../conversations/index.ts';
import { testContext, type TestContext } from '../testing/index.ts';
import { startTriage, type TriageRuntime } from '../triage/index.ts';
import { seedDemoWorkspace } from './seed-demo.ts';

let ctx: TestContext;
let triage: TriageRuntime;
beforeAll(async () => {
  ctx = await testContext();
  triage = await startTriage(ctx);
});
afterAll(async () => triage.stop());

describe('the demo workspace', () => {
  it('when it is seeded, then its bilingual categories have a model and the sample conversations are read with it', async () => {
    const seeded = await seedDemoWorkspace(ctx, { adminPassword: 'demo-password-123' });
    expect(seeded).not.toBeNull();
    const workspaceId = seeded!.workspaceId;
    const models = await ctx.db.query<{ status: string; labels: string[] }>('select status, labels from intent_models where workspace_id = $1', [workspaceId]);
    expect(models).toEqual([{ status: 'active', labels: ['app_problem', 'charged_twice', 'delivery', 'invoice', 'login', 'order_change', 'payment_failed', 'refund'] }]);
    await expect.poll(async () => {
      const page = await listConversations(ctx, workspaceId, { limit: 50 });
      return page.items.filter((c) => c.intent !== null).length;
    }, { timeout: 10_000 }).toBeGreaterThan(2);
    const page = await listConversations(ctx, workspaceId, { limit: 50 });
    const doubleCharged = page.items.find((c) => c.tags.includes('charged-twice'));
    expect(doubleCharged?.intent).toBe('charged_twice');
    expect(await seedDemoWorkspace(ctx)).toBeNull();
  });
});
