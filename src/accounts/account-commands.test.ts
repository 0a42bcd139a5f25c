import { beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../kernel/index.ts';
import { createTestWorkspace, testContext, type TestContext } from '../testing/index.ts';
import type { Workspace } from '../workspaces/index.ts';
import { getAgent, getTeam, listAgents, listTeams } from './account-queries.ts';
import { changeAgent, createAgent, setAgentStatus, type NewAgentInput } from './agent-commands.ts';
import { changeTeam, createTeam } from './team-commands.ts';

let ctx: TestContext;
let ws: Workspace;
const system = { type: 'system' } as const;
const unknownId = '01a20000-0000-7000-8000-000000000000';

beforeEach(async () => {
  ctx = await testContext();
  ws = await createTestWorkspace(ctx);
});

const add = (role: Role, email: string, more: Partial<NewAgentInput> = {}) =>
  createAgent(ctx, { workspaceId: ws.id, email, name: `${role} ${email}`, role, ...more }, system);

async function count(table: string): Promise<number> {
  return (await ctx.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
}

describe('creating agents', () => {
  it('when an agent is created, then email, skills and languages are normalised and capacity fills from the defaults', async () => {
    const team = await createTeam(ctx, ws.id, { name: 'Billing' }, system);
    const agent = await add('agent', '  Aya@Example.TEST ', {
      name: '  Aya ', timeZone: 'Asia/Riyadh', teamIds: [team.id, team.id],
      skills: [{ name: 'Refunds', proficiency: 2 }, { name: 'refunds ', proficiency: 4 }],
      languages: [{ code: 'AR', proficiency: 5 }], capacity: { chat: 6 },
    });
    expect(agent).toMatchObject({
      workspaceId: ws.id, email: 'aya@example.test', name: 'Aya', role: 'agent', timeZone: 'Asia/Riyadh', status: 'offline', active: true,
      skills: [{ name: 'refunds', proficiency: 4 }], languages: [{ code: 'ar', proficiency: 5 }],
      capacity: { chat: 6, email: 10, messaging: 5, callback: 1 }, teamIds: [team.id],
    });
    expect(await getAgent(ctx, ws.id, agent.id)).toEqual(agent);
    expect((await getTeam(ctx, ws.id, team.id)).memberIds).toEqual([agent.id]);
    const events = await ctx.db.query<{ type: string }>("select type from events where subject_id = $1", [agent.id]);
    expect(events.map((e) => e.type)).toEqual(['agent.created']);
  });

  it('when nothing optional is given, then the time zone is UTC and the capacity is the default', async () => {
    const agent = await add('supervisor', 'sami@example.test');
    expect(agent).toMatchObject({ timeZone: 'UTC', skills: [], languages: [], teamIds: [], capacity: { chat: 3, email: 10, messaging: 5, callback: 1 } });
  });

  it('when the email is already used, written in another case, then EMAIL_TAKEN', async () => {
    await add('agent', 'aya@example.test');
    await expect(add('agent', 'AYA@Example.test')).rejects.toMatchObject({ code: 'EMAIL_TAKEN', status: 409 });
    expect(await count('agents')).toBe(1);
  });

  it('when a team id is unknown, then TEAM_NOT_FOUND and nothing is written', async () => {
    const before = { agents: await count('agents'), members: await count('team_members'), events: await count('events') };
    await expect(add('agent', 'aya@example.test', { teamIds: [unknownId] })).rejects.toMatchObject({ code: 'TEAM_NOT_FOUND' });
    expect({ agents: await count('agents'), members: await count('team_members'), events: await count('events') }).toEqual(before);
  });

  it('when a team belongs to another workspace, then TEAM_NOT_FOUND', async () => {
    const other = await createTestWorkspace(ctx, 'Other');
    const foreign = await createTeam(ctx, other.id, { name: 'Foreign' }, system);
    await expect(add('agent', 'aya@example.test', { teamIds: [foreign.id] })).rejects.toMatchObject({ code: 'TEAM_NOT_FOUND' });
  });

  it('when the time zone is not a real one, then INVALID_TIME_ZONE', async () => {
    await expect(add('agent', 'aya@example.test', { timeZone: 'Mars/Olympus' })).rejects.toMatchObject({ code: 'INVALID_TIME_ZONE', status: 400 });
    expect(await count('agents')).toBe(0);
  });
});

describe('changing agents', () => {
  it('when skills and part of the capacity change, then the rest of the capacity is kept', async () => {
    const agent = await add('agent', 'aya@example.test', { capacity: { email: 20 } });
    const changed = await changeAgent(ctx, ws.id, agent.id, { skills: [{ name: 'Billing', proficiency: 3 }], capacity: { chat: 1 } }, system);
    expect(changed).toMatchObject({ skills: [{ name: 'billing', proficiency: 3 }], capacity: { chat: 1, email: 20, messaging: 5, callback: 1 } });
    expect(await getAgent(ctx, ws.id, agent.id)).toEqual(changed);
  });

  it('when an online agent is deactivated, then their status becomes offline and their status cannot be set again', async () => {
    const agent = await add('agent', 'aya@example.test');
    expect((await setAgentStatus(ctx, ws.id, agent.id, 'online', system)).status).toBe('online');
    const off = await changeAgent(ctx, ws.id, agent.id, { active: false }, system);
    expect(off).toMatchObject({ active: false, status: 'offline' });
    await expect(setAgentStatus(ctx, ws.id, agent.id, 'online', system)).rejects.toMatchObject({ code: 'AGENT_INACTIVE', status: 409 });
    expect((await getAgent(ctx, ws.id, agent.id)).status).toBe('offline');
  });

  it('when the status set is the current one, then nothing is written', async () => {
    const agent = await add('agent', 'aya@example.test');
    await setAgentStatus(ctx, ws.id, agent.id, 'away', system);
    await setAgentStatus(ctx, ws.id, agent.id, 'away', system);
    const events = await ctx.db.query("select 1 from events where type = 'agent.status_changed'");
    expect(events).toHaveLength(1);
  });

  it('when the email is changed to another agent\'s, then EMAIL_TAKEN; to its own in another case, then it is fine', async () => {
    await add('agent', 'aya@example.test');
    const sami = await add('supervisor', 'sami@example.test');
    await expect(changeAgent(ctx, ws.id, sami.id, { email: 'Aya@example.test' }, system)).rejects.toMatchObject({ code: 'EMAIL_TAKEN' });
    expect((await changeAgent(ctx, ws.id, sami.id, { email: 'SAMI@example.test' }, system)).email).toBe('sami@example.test');
  });

  it('when the time zone is changed to an unknown one, then INVALID_TIME_ZONE and the agent is unchanged', async () => {
    const agent = await add('agent', 'aya@example.test', { timeZone: 'Africa/Cairo' });
    await expect(changeAgent(ctx, ws.id, agent.id, { timeZone: 'Not/AZone', name: 'X' }, system)).rejects.toMatchObject({ code: 'INVALID_TIME_ZONE' });
    expect(await getAgent(ctx, ws.id, agent.id)).toMatchObject({ timeZone: 'Africa/Cairo', name: agent.name });
  });

  it('when teams are changed to include an unknown team, then TEAM_NOT_FOUND and membership is unchanged', async () => {
    const team = await createTeam(ctx, ws.id, { name: 'Billing' }, system);
    const agent = await add('agent', 'aya@example.test', { teamIds: [team.id] });
    await expect(changeAgent(ctx, ws.id, agent.id, { teamIds: [unknownId] }, system)).rejects.toMatchObject({ code: 'TEAM_NOT_FOUND' });
    expect((await getAgent(ctx, ws.id, agent.id)).teamIds).toEqual([team.id]);
  });

  it('when an unknown agent is changed, then AGENT_NOT_FOUND', async () => {
    await expect(changeAgent(ctx, ws.id, unknownId, { name: 'x' }, system)).rejects.toMatchObject({ code: 'AGENT_NOT_FOUND', status: 404 });
    await expect(setAgentStatus(ctx, ws.id, unknownId, 'online', system)).rejects.toMatchObject({ code: 'AGENT_NOT_FOUND' });
  });
});

describe('the last admin', () => {
  it('when the only active admin is demoted or deactivated, then LAST_ADMIN and they stay an active admin', async () => {
    const admin = await add('admin', 'amal@example.test');
    await expect(changeAgent(ctx, ws.id, admin.id, { role: 'supervisor' }, system)).rejects.toMatchObject({ code: 'LAST_ADMIN', status: 409 });
    await expect(changeAgent(ctx, ws.id, admin.id, { active: false }, system)).rejects.toMatchObject({ code: 'LAST_ADMIN' });
    expect(await getAgent(ctx, ws.id, admin.id)).toMatchObject({ role: 'admin', active: true });
  });

  it('when a deactivated admin is the only other admin, then the active one still cannot step down', async () => {
    const admin = await add('admin', 'amal@example.test');
    const other = await add('admin', 'omar@example.test');
    await changeAgent(ctx, ws.id, other.id, { active: false }, system);
    await expect(changeAgent(ctx, ws.id, admin.id, { role: 'agent' }, system)).rejects.toMatchObject({ code: 'LAST_ADMIN' });
  });

  it('when another active admin exists, then the first can be demoted and then deactivated', async () => {
    const admin = await add('admin', 'amal@example.test');
    await add('admin', 'omar@example.test');
    expect((await changeAgent(ctx, ws.id, admin.id, { role: 'supervisor' }, system)).role).toBe('supervisor');
    expect((await changeAgent(ctx, ws.id, admin.id, { active: false }, system)).active).toBe(false);
  });

  it('when an admin of another workspace exists, then it does not count', async () => {
    const admin = await add('admin', 'amal@example.test');
    const other = await createTestWorkspace(ctx, 'Other');
    await createAgent(ctx, { workspaceId: other.id, email: 'boss@other.test', name: 'Boss', role: 'admin' }, system);
    await expect(changeAgent(ctx, ws.id, admin.id, { role: 'agent' }, system)).rejects.toMatchObject({ code: 'LAST_ADMIN' });
  });
});

describe('teams', () => {
  it('when a team is created, renamed and its members changed, then each change is stored and agents see their teams', async () => {
    const aya = await add('agent', 'aya@example.test');
    const sami = await add('supervisor', 'sami@example.test');
    const team = await createTeam(ctx, ws.id, { name: '  Billing ', description: ' Money ', memberIds: [aya.id, aya.id] }, system);
    expect(team).toMatchObject({ name: 'Billing', description: 'Money', memberIds: [aya.id] });
    const renamed = await changeTeam(ctx, ws.id, team.id, { name: 'Payments', memberIds: [sami.id, aya.id] }, system);
    expect(renamed.name).toBe('Payments');
    expect(renamed.memberIds).toEqual([aya.id, sami.id].sort());
    expect(await getTeam(ctx, ws.id, team.id)).toEqual(renamed);
    expect((await getAgent(ctx, ws.id, sami.id)).teamIds).toEqual([team.id]);
    const emptied = await changeTeam(ctx, ws.id, team.id, { memberIds: [] }, system);
    expect(emptied.memberIds).toEqual([]);
    expect((await getAgent(ctx, ws.id, aya.id)).teamIds).toEqual([]);
  });

  it('when a team name is taken in another case, then TEAM_NAME_TAKEN on create and on rename', async () => {
    await createTeam(ctx, ws.id, { name: 'Billing' }, system);
    const other = await createTeam(ctx, ws.id, { name: 'Returns' }, system);
    await expect(createTeam(ctx, ws.id, { name: 'BILLING' }, system)).rejects.toMatchObject({ code: 'TEAM_NAME_TAKEN', status: 409 });
    await expect(changeTeam(ctx, ws.id, other.id, { name: 'billing' }, system)).rejects.toMatchObject({ code: 'TEAM_NAME_TAKEN' });
    expect((await changeTeam(ctx, ws.id, other.id, { name: 'RETURNS' }, system)).name).toBe('RETURNS');
    expect((await listTeams(ctx, ws.id, { limit: 50 })).items.map((t) => t.name)).toEqual(['Billing', 'RETURNS']);
    const first = await listTeams(ctx, ws.id, { limit: 1 });
    expect(first.items.map((t) => t.name)).toEqual(['Billing']);
    expect((await listTeams(ctx, ws.id, { limit: 1, cursor: first.nextCursor! })).items.map((t) => t.name)).toEqual(['RETURNS']);
  });

  it('when the same name is used in another workspace, then it is allowed', async () => {
    const other = await createTestWorkspace(ctx, 'Other');
    await createTeam(ctx, ws.id, { name: 'Billing' }, system);
    await expect(createTeam(ctx, other.id, { name: 'Billing' }, system)).resolves.toMatchObject({ name: 'Billing' });
  });

  it('when a member is unknown or the team is unknown, then AGENT_NOT_FOUND or TEAM_NOT_FOUND and nothing is written', async () => {
    await expect(createTeam(ctx, ws.id, { name: 'Billing', memberIds: [unknownId] }, system)).rejects.toMatchObject({ code: 'AGENT_NOT_FOUND' });
    expect(await count('teams')).toBe(0);
    await expect(changeTeam(ctx, ws.id, unknownId, { name: 'x' }, system)).rejects.toMatchObject({ code: 'TEAM_NOT_FOUND' });
    await expect(getTeam(ctx, ws.id, unknownId)).rejects.toMatchObject({ code: 'TEAM_NOT_FOUND' });
  });
});

describe('listing agents', () => {
  it('when agents are paged, then each appears exactly once in creation order, and only this workspace\'s', async () => {
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      made.push((await add('agent', `agent${i}@example.test`)).id);
      if (i === 2) ctx.clock.advance(1000);
    }
    const other = await createTestWorkspace(ctx, 'Other');
    await createAgent(ctx, { workspaceId: other.id, email: 'else@other.test', name: 'Else', role: 'agent' }, system);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAgents(ctx, ws.id, { limit: 2, cursor });
      seen.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...made].sort());
    const whole = await listAgents(ctx, ws.id, { limit: 10 });
    expect(whole.items.map((a) => a.id)).toEqual(seen);
    expect(whole.nextCursor).toBeNull();
  });
});
