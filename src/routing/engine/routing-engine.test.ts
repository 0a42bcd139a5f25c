import { afterEach, describe, expect, it } from 'vitest';
import { createAgent, setAgentStatus, type NewAgentInput } from '../../accounts/index.ts';
import { changeStatus, getConversation, startConversation } from '../../conversations/index.ts';
import type { CommandContext } from '../../platform/outbox/index.ts';
import { createTestWorkspace, postgresTestContext, testContext } from '../../testing/index.ts';
import { RoutingEngine } from './routing-engine.ts';
import { routingOverview } from './routing-overview.ts';

const system = { type: 'system' } as const;
const engines: RoutingEngine[] = [];
afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.stop();
});

async function desk(ctx: CommandContext) {
  const workspace = await createTestWorkspace(ctx);
  const agent = async (input: Omit<NewAgentInput, 'workspaceId' | 'role'>) => {
    const created = await createAgent(ctx, { ...input, workspaceId: workspace.id, role: 'agent' }, system);
    await setAgentStatus(ctx, workspace.id, created.id, 'online', system);
    return created;
  };
  const chat = (language: string | null, name: string) => startConversation(ctx, workspace.id, { channel: 'chat', language, contact: { name }, message: { kind: 'customer', body: `hi from ${name}` } }, system);
  return { workspaceId: workspace.id, agent, chat };
}

async function started(ctx: CommandContext): Promise<RoutingEngine> {
  const engine = new RoutingEngine(ctx, { tickMs: 0, onError: (error) => { throw error; } });
  await engine.start();
  engines.push(engine);
  return engine;
}

const ownerOf = async (ctx: CommandContext, workspaceId: string, id: string) => (await getConversation(ctx, workspaceId, id)).ownerId;

describe('the routing engine', () => {
  it('when an Arabic and an English conversation wait, then each goes to an agent who speaks its language', async () => {
    const ctx = await testContext();
    const d = await desk(ctx);
    const english = await d.agent({ email: 'en@x.test', name: 'English only', languages: [{ code: 'en', proficiency: 5 }] });
    const arabic = await d.agent({ email: 'ar@x.test', name: 'Arabic only', languages: [{ code: 'ar', proficiency: 5 }] });
    const a = await d.chat('ar', 'Noura');
    const e = await d.chat('en', 'James');
    const engine = await started(ctx);
    // The chats' own events may reach the engine and start a pass of its own alongside this one:
    // between them, both are handed out once each.
    const pass = await engine.runPass(d.workspaceId);
    await engine.idle();
    expect(pass.claimed.length).toBeGreaterThanOrEqual(1);
    expect(await ownerOf(ctx, d.workspaceId, a.id)).toBe(arabic.id);
    expect(await ownerOf(ctx, d.workspaceId, e.id)).toBe(english.id);
  });

  it('when an agent frees a seat, then the oldest eligible waiting conversation is theirs at once — no stuck queue', async () => {
    const ctx = await testContext();
    const d = await desk(ctx);
    const layla = await d.agent({ email: 'layla@x.test', name: 'Layla', languages: [{ code: 'ar', proficiency: 5 }], capacity: { chat: 1 } });
    const engine = await started(ctx);
    const first = await d.chat('ar', 'first');
    await engine.idle();
    await expect.poll(() => ownerOf(ctx, d.workspaceId, first.id)).toBe(layla.id);
    ctx.clock.advance(1000);
    const second = await d.chat('ar', 'second');
    ctx.clock.advance(1000);
    const third = await d.chat('ar', 'third');
    const english = await d.chat('en', 'not for Layla');
    ctx.clock.advance(1000);
    await engine.idle();
    expect(await ownerOf(ctx, d.workspaceId, second.id)).toBeNull();
    const overview = await routingOverview(ctx, d.workspaceId);
    expect(overview.waiting.find((w) => w.conversationId === second.id)?.reason).toBe('all_at_capacity');
    expect(overview.waiting.find((w) => w.conversationId === english.id)?.reason).toBe('no_agent_with_language');
    expect(overview.agents.find((a) => a.id === layla.id)?.occupancy).toBeGreaterThan(0);

    await changeStatus(ctx, d.workspaceId, first.id, 'resolved', { type: 'agent', id: layla.id });
    await expect.poll(() => ownerOf(ctx, d.workspaceId, second.id)).toBe(layla.id);
    await engine.idle();
    expect(await ownerOf(ctx, d.workspaceId, third.id)).toBeNull();
    expect(await ownerOf(ctx, d.workspaceId, english.id)).toBeNull();
  });

  it('when an agent comes online, then waiting work flows to them', async () => {
    const ctx = await testContext();
    const d = await desk(ctx);
    const waiting = await d.chat('en', 'early bird');
    const engine = await started(ctx);
    await engine.runPass(d.workspaceId);
    expect(await ownerOf(ctx, d.workspaceId, waiting.id)).toBeNull();
    const sam = await d.agent({ email: 'sam@x.test', name: 'Sam', languages: [{ code: 'en', proficiency: 4 }] });
    await expect.poll(() => ownerOf(ctx, d.workspaceId, waiting.id)).toBe(sam.id);
  });
});

const url = process.env.DATABASE_URL;
describe.runIf(url)('the routing engine on PostgreSQL', () => {
  it('when four workers route the same queue at once, then no conversation gets two agents and no agent gets more than their seats', async () => {
    const ctx = await postgresTestContext(url!);
    const d = await desk(ctx);
    const agents = [];
    for (let i = 0; i < 5; i++) agents.push(await d.agent({ email: `a${i}@x.test`, name: `Agent ${i}`, languages: [{ code: 'en', proficiency: 5 }], capacity: { chat: 3 } }));
    const conversations = [];
    for (let i = 0; i < 40; i++) conversations.push(await d.chat('en', `c${i}`));
    const workers = Array.from({ length: 4 }, () => new RoutingEngine(ctx, { tickMs: 0 }));
    const passes = await Promise.all(workers.map((w) => w.runPass(d.workspaceId)));
    const claimed = passes.flatMap((p) => p.claimed);
    expect(claimed).toHaveLength(15);
    expect(new Set(claimed.map((c) => c.itemId)).size).toBe(15);
    const owners = await Promise.all(conversations.map((c) => ownerOf(ctx, d.workspaceId, c.id)));
    const perAgent = new Map<string, number>();
    for (const owner of owners) if (owner) perAgent.set(owner, (perAgent.get(owner) ?? 0) + 1);
    expect([...perAgent.values()]).toEqual([3, 3, 3, 3, 3]);
    expect(passes.flatMap((p) => p.missed).length).toBeGreaterThan(0);
  });
});
