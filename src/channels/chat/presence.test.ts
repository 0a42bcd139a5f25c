import { describe, expect, it } from 'vitest';
import { createAgent, getAgent, setAgentStatus } from '../../accounts/index.ts';
import { createTestWorkspace, testContext } from '../../testing/index.ts';
import { presenceGraceMs, sweepPresence, touchPresence } from './presence.ts';

const system = { type: 'system' } as const;

describe('agent presence', () => {
  it('when an online agent’s console has been gone longer than the grace period, then they are set away; fresh consoles and agents without a console are left alone', async () => {
    const ctx = await testContext();
    const ws = await createTestWorkspace(ctx);
    const make = async (email: string) => {
      const agent = await createAgent(ctx, { workspaceId: ws.id, email, name: email, role: 'agent' }, system);
      await setAgentStatus(ctx, ws.id, agent.id, 'online', system);
      return agent;
    };
    const left = await make('left@x.test');
    const here = await make('here@x.test');
    const apiOnly = await make('api@x.test');
    await touchPresence(ctx, [left, here].map((a) => ({ id: a.id, workspaceId: ws.id })));
    ctx.clock.advance(presenceGraceMs - 1000);
    expect(await sweepPresence(ctx)).toEqual([]);
    await touchPresence(ctx, [{ id: here.id, workspaceId: ws.id }]);
    ctx.clock.advance(2000);
    expect(await sweepPresence(ctx)).toEqual([left.id]);
    expect((await getAgent(ctx, ws.id, left.id)).status).toBe('away');
    expect((await getAgent(ctx, ws.id, here.id)).status).toBe('online');
    expect((await getAgent(ctx, ws.id, apiOnly.id)).status).toBe('online');
    // Swept once: a second sweep finds nothing, and coming back does not force anyone online.
    expect(await sweepPresence(ctx)).toEqual([]);
    await touchPresence(ctx, [{ id: left.id, workspaceId: ws.id }]);
    expect((await getAgent(ctx, ws.id, left.id)).status).toBe('away');
  });
});
