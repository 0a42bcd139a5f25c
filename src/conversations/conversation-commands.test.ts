import { beforeEach, describe, expect, it } from 'vitest';
import { createAgent } from '../accounts/index.ts';
import { createTestWorkspace, testContext, type TestContext } from '../testing/index.ts';
import type { Workspace } from '../workspaces/index.ts';
import { assignConversation, changeStatus, startConversation } from './conversation-commands.ts';
import { listMessages } from './conversation-queries.ts';
import { postMessage } from './message-commands.ts';

let ctx: TestContext;
let workspace: Workspace;
const system = { type: 'system' } as const;

beforeEach(async () => {
  ctx = await testContext();
  workspace = await createTestWorkspace(ctx);
});

const start = () =>
  startConversation(ctx, workspace.id, {
    channel: 'email', contact: { identity: { kind: 'email', value: 'c@example.com' } }, message: { kind: 'customer', body: 'hello' },
  }, system);

async function eventTypes(): Promise<string[]> {
  return (await ctx.db.query<{ type: string }>('select type from events order by position')).map((r) => r.type);
}

describe('conversation commands', () => {
  it('when a conversation is walked open → pending → resolved → closed, then each step is stored, logged and announced after commit', async () => {
    const heard: string[] = [];
    await ctx.bus.subscribe((e) => void heard.push(e.type));
    const c = await start();
    for (const status of ['pending', 'resolved', 'closed'] as const) {
      const next = await changeStatus(ctx, workspace.id, c.id, status, system);
      expect(next.status).toBe(status);
    }
    const final = await changeStatus(ctx, workspace.id, c.id, 'closed', system);
    expect(final.closedAt).not.toBeNull();
    expect((await eventTypes()).filter((t) => t === 'conversation.status_changed')).toHaveLength(3);
    await expect.poll(() => heard.filter((t) => t === 'conversation.status_changed').length).toBe(3);
  });

  it('when a refused transition is asked for, then nothing is written: no status, no system line, no event', async () => {
    const c = await start();
    const before = { events: await eventTypes(), messages: (await listMessages(ctx, workspace.id, c.id, { limit: 50 })).items.length };
    await expect(changeStatus(ctx, workspace.id, c.id, 'closed', system)).rejects.toMatchObject({ code: 'INVALID_STATUS_TRANSITION' });
    expect(await eventTypes()).toEqual(before.events);
    expect((await listMessages(ctx, workspace.id, c.id, { limit: 50 })).items).toHaveLength(before.messages);
  });

  it('when a closed conversation gets a message, then it is refused and the sequence does not move', async () => {
    const c = await start();
    await changeStatus(ctx, workspace.id, c.id, 'resolved', system);
    const closed = await changeStatus(ctx, workspace.id, c.id, 'closed', system);
    await expect(postMessage(ctx, workspace.id, c.id, { kind: 'customer', body: 'again' }, system)).rejects.toMatchObject({ code: 'CONVERSATION_CLOSED' });
    const page = await listMessages(ctx, workspace.id, c.id, { limit: 50 });
    expect(page.items.at(-1)?.seq).toBe(closed.lastSeq);
  });

  it('when many messages are posted at once, then sequences are 1..n with no gap or repeat', async () => {
    const c = await start();
    await Promise.all(Array.from({ length: 20 }, (_, i) => postMessage(ctx, workspace.id, c.id, { kind: 'customer', body: `m${i}`, clientId: `k${i}` }, system)));
    const seqs = (await listMessages(ctx, workspace.id, c.id, { limit: 100 })).items.map((m) => m.seq);
    expect(seqs).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
  });

  it('when a reader resumes after a sequence, then it gets exactly the later messages', async () => {
    const c = await start();
    for (let i = 0; i < 4; i++) await postMessage(ctx, workspace.id, c.id, { kind: 'customer', body: `m${i}` }, system);
    const resumed = await listMessages(ctx, workspace.id, c.id, { afterSeq: 3, limit: 50 });
    expect(resumed.items.map((m) => m.seq)).toEqual([4, 5]);
  });

  it('when a conversation is assigned to a deactivated agent or an unknown one, then it is refused and stays unassigned', async () => {
    const c = await start();
    const agent = await createAgent(ctx, { workspaceId: workspace.id, email: 'gone@example.com', name: 'Gone', role: 'agent' }, system);
    await ctx.db.query('update agents set active = false where id = $1', [agent.id]);
    await expect(assignConversation(ctx, workspace.id, c.id, { ownerId: agent.id }, system)).rejects.toMatchObject({ code: 'AGENT_INACTIVE' });
    await expect(assignConversation(ctx, workspace.id, c.id, { ownerId: ctx.newId() }, system)).rejects.toMatchObject({ code: 'AGENT_NOT_FOUND' });
  });

  it('when an owned conversation is transferred without a reason, then it is refused and stays with its owner', async () => {
    const c = await start();
    const first = await createAgent(ctx, { workspaceId: workspace.id, email: 'one@example.com', name: 'One', role: 'agent' }, system);
    const second = await createAgent(ctx, { workspaceId: workspace.id, email: 'two@example.com', name: 'Two', role: 'agent' }, system);
    await assignConversation(ctx, workspace.id, c.id, { ownerId: first.id }, system);
    await expect(assignConversation(ctx, workspace.id, c.id, { ownerId: second.id }, system)).rejects.toMatchObject({ code: 'TRANSFER_REASON_REQUIRED' });
    const moved = await assignConversation(ctx, workspace.id, c.id, { ownerId: second.id, reason: 'speaks French' }, system);
    expect(moved.ownerId).toBe(second.id);
    const [event] = await ctx.db.query<{ payload: { transfer: boolean; reason: string } }>("select payload from events where type = 'conversation.assigned' order by position desc limit 1");
    expect(event!.payload).toMatchObject({ transfer: true, reason: 'speaks French' });
  });

  it('when an agent is assigned, then the owner is set and a system line says so', async () => {
    const c = await start();
    const agent = await createAgent(ctx, { workspaceId: workspace.id, email: 'a@example.com', name: 'Aya', role: 'agent' }, system);
    const assigned = await assignConversation(ctx, workspace.id, c.id, { ownerId: agent.id, reason: 'speaks Arabic' }, system);
    expect(assigned.ownerId).toBe(agent.id);
    const last = (await listMessages(ctx, workspace.id, c.id, { limit: 50 })).items.at(-1);
    expect(last).toMatchObject({ kind: 'note', author: { type: 'system' }, body: 'assigned to Aya (speaks Arabic)' });
  });
});
