/**
 * Loads a workspace's live routing state into the decision's plain shapes: waiting conversations,
 * agents with their load, shifts and fairness clock, and teams with overflow and hours.
 */
import { listAgents, listTeams, type Agent } from '../../accounts/index.ts';
import { listWaitingConversations, ownerLoads, previousOwners, type Conversation } from '../../conversations/index.ts';
import type { CommandContext } from '../../platform/outbox/index.ts';
import { capacityKeyOf } from '../decision/item-priority-rules.ts';
import type { RoutingPolicy } from '../decision/routing-policy-rules.ts';
import type { AgentState, TeamRouting, WaitingItem } from '../decision/routing-types-rules.ts';
import { dueAtOf } from '../callbacks/callback-commands.ts';
import { defaultTeamRouting, lastAssignments, listAgentSchedules, listTeamRouting, waitingSince } from './routing-settings-store.ts';

/**
 * Per conversation: the skills routing rules require, and whether rules have seen triage's reading
 * (until then its language and intent may still change, so it waits up to `readyAfterSeconds`).
 */
export type PreparationOf = (workspaceId: string, conversationIds: string[]) => Promise<Map<string, { skills: string[]; settled: boolean }>>;

export interface StateOptions {
  preparationOf?: PreparationOf | undefined;
  readyAfterSeconds?: number | undefined;
}

export interface RoutingState {
  waiting: WaitingItem[];
  agents: AgentState[];
  teams: TeamRouting[];
  conversations: Map<string, Conversation>;
  agentsById: Map<string, Agent>;
  /** Waiting, but held back until routing rules have seen triage's reading (or the grace passed). */
  awaitingTriage: { id: string; number: number; since: Date }[];
}

async function everyPage<T>(read: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/** Per capacity key, the sum of what an agent holds on the channels that share it. */
export function loadPerCapacityKey(byChannel: Record<string, number>, policy: RoutingPolicy): Record<string, number> {
  const load: Record<string, number> = {};
  for (const [channel, n] of Object.entries(byChannel)) {
    const key = capacityKeyOf(channel, policy);
    load[key] = (load[key] ?? 0) + n;
  }
  return load;
}

export async function loadRoutingState(ctx: CommandContext, workspaceId: string, policy: RoutingPolicy, options: StateOptions = {}): Promise<RoutingState> {
  const now = ctx.clock().getTime();
  const allWaiting = await listWaitingConversations(ctx, workspaceId);
  const prepared = options.preparationOf ? await options.preparationOf(workspaceId, allWaiting.map((c) => c.id)) : null;
  const graceMs = (options.readyAfterSeconds ?? 10) * 1000;
  const ready = (c: Conversation) => prepared === null || prepared.get(c.id)?.settled === true || now - c.createdAt.getTime() >= graceMs;
  const waitingConversations = allWaiting.filter(ready);
  const agents = (await everyPage((cursor) => listAgents(ctx, workspaceId, { limit: 200, cursor }))).filter((a) => a.active);
  const teams = await everyPage((cursor) => listTeams(ctx, workspaceId, { limit: 200, cursor }));
  const [loads, schedules, teamSettings, lastAssigned, since, previous, due] = await Promise.all([
    ownerLoads(ctx, workspaceId),
    listAgentSchedules(ctx.db, workspaceId),
    listTeamRouting(ctx.db, workspaceId),
    lastAssignments(ctx.db, workspaceId),
    waitingSince(ctx.db, workspaceId),
    previousOwners(ctx, workspaceId, [...new Set(waitingConversations.map((c) => c.contactId))]),
    dueAtOf(ctx.db, workspaceId, waitingConversations.filter((c) => c.channel === 'callback').map((c) => c.id)),
  ]);
  return {
    waiting: waitingConversations.map((c) => ({
      id: c.id, channel: c.channel, priority: c.priority, enqueuedAt: since.get(c.id) ?? c.createdAt, teamId: c.teamId,
      requiredLanguage: c.language, requiredSkills: prepared?.get(c.id)?.skills ?? [], urgency: c.urgencyScore === null ? 0 : c.urgencyScore / 100,
      previousAgentIds: previous.get(c.contactId) ?? [], customerTier: null, dueAt: due.get(c.id) ?? null,
    })),
    agents: agents.map((a) => ({
      id: a.id, teamIds: a.teamIds, status: a.status, languages: a.languages, skills: a.skills,
      capacity: { ...a.capacity }, load: loadPerCapacityKey(loads.get(a.id) ?? {}, policy), lastAssignedAt: lastAssigned.get(a.id) ?? null,
      timeZone: a.timeZone, shifts: schedules.get(a.id)?.shifts ?? [], isOnCallExpert: schedules.get(a.id)?.onCallExpert ?? false,
    })),
    teams: teams.map((t) => {
      const s = teamSettings.get(t.id) ?? defaultTeamRouting(t.id);
      return { id: t.id, overflowTo: s.overflowTo, overflowAfterSeconds: s.overflowAfterSeconds, hours: s.hours, onCallTeamId: s.onCallTeamId };
    }),
    conversations: new Map(waitingConversations.map((c) => [c.id, c])),
    agentsById: new Map(agents.map((a) => [a.id, a])),
    awaitingTriage: allWaiting.filter((c) => !ready(c)).map((c) => ({ id: c.id, number: c.number, since: since.get(c.id) ?? c.createdAt })),
  };
}
