/**
 * Applies the routing decision whenever something that changes it happens: new or reopened work,
 * an agent freeing a seat or changing status, triage updating language or urgency, and a
 * periodic tick (ageing, overflow, shift boundaries). Each pass loads the live state, decides for
 * the whole workspace, and claims each assignment in its own transaction — guarded, so two
 * workers or two nodes never give one conversation to two agents nor overfill an agent.
 */
import { claimWaitingIn } from '../../conversations/index.ts';
import type { StoredEvent } from '../../kernel/index.ts';
import { transact, type CommandContext } from '../../platform/outbox/index.ts';
import type { Unsubscribe } from '../../platform/pubsub/index.ts';
import { decideAssignments } from '../decision/decide-assignments.ts';
import { capacityKeyOf } from '../decision/item-priority-rules.ts';
import { resolvePolicy, type RoutingPolicy, type RoutingPolicyOverrides } from '../decision/routing-policy-rules.ts';
import type { Assignment, RoutingDecision } from '../decision/routing-types-rules.ts';
import { endWait, noteAssignment, startWait } from './routing-settings-store.ts';
import { loadRoutingState, type RoutingState, type StateOptions } from './routing-state.ts';

export interface RoutingEngineOptions extends StateOptions {
  policy?: RoutingPolicyOverrides;
  /** Periodic pass for ageing, overflow and shifts (default 5 s; 0 turns it off). */
  tickMs?: number;
  onError?: (error: unknown) => void;
}

export interface PassResult {
  decision: RoutingDecision;
  claimed: Assignment[];
  /** Decided but lost to another worker or a change in between; the next pass looks again. */
  missed: Assignment[];
}

const routingActor = { type: 'system' } as const;
// Not 'conversation.read': triage re-reads mood on every message, and a pass per message would
// crowd the database; what routing needs from triage arrives with 'conversation.routed', and
// urgency changes are picked up by the tick.
const triggers = new Set([
  'conversation.created', 'conversation.routed', 'conversation.status_changed', 'conversation.assigned',
  'agent.status_changed', 'agent.updated', 'routing.settings_changed', 'routing_rule.changed',
]);

/** Claims one decided assignment: a per-agent lock, then the conversation's own guard. */
export async function claimAssignment(ctx: CommandContext, workspaceId: string, assignment: Assignment, state: RoutingState, policy: RoutingPolicy): Promise<boolean> {
  const conversation = state.conversations.get(assignment.itemId);
  const agent = state.agentsById.get(assignment.agentId);
  if (!conversation || !agent) return false;
  const key = capacityKeyOf(conversation.channel, policy);
  const shared = Object.entries(policy.channelCapacity).filter(([, k]) => k === key).map(([channel]) => channel);
  const capacity = (agent.capacity as unknown as Record<string, number>)[key] ?? 0;
  return transact(ctx, async (tx) => {
    await tx.sql.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [`routing-agent:${agent.id}`]);
    const claimed = await claimWaitingIn(tx, workspaceId, {
      conversationId: conversation.id, agent: { id: agent.id, name: agent.name }, sharedChannels: shared.length ? shared : [conversation.channel],
      capacity, reason: assignment.via === 'team' ? 'routed' : `routed, ${assignment.via}`,
    }, routingActor);
    if (!claimed) return false;
    await noteAssignment(tx.sql, workspaceId, agent.id, tx.now);
    await endWait(tx.sql, conversation.id);
    return true;
  });
}

export class RoutingEngine {
  private readonly policy: RoutingPolicy;
  private readonly pending = new Set<string>();
  private readonly running = new Map<string, Promise<void>>();
  private unsubscribe: Unsubscribe | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly known = new Set<string>();

  constructor(private readonly ctx: CommandContext, private readonly options: RoutingEngineOptions = {}) {
    this.policy = resolvePolicy(options.policy);
  }

  async start(): Promise<void> {
    this.unsubscribe = await this.ctx.bus.subscribe((event) => this.onEvent(event));
    const tickMs = this.options.tickMs ?? 5000;
    if (tickMs > 0) {
      this.timer = setInterval(() => {
        for (const workspaceId of this.known) this.schedule(workspaceId);
      }, tickMs);
      this.timer.unref();
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.unsubscribe?.();
    await Promise.allSettled([...this.running.values()]);
  }

  /** One pass now: decide for the whole workspace and claim what was decided. */
  async runPass(workspaceId: string): Promise<PassResult> {
    const state = await loadRoutingState(this.ctx, workspaceId, this.policy, this.options);
    const decision = decideAssignments({ now: this.ctx.clock(), waiting: state.waiting, agents: state.agents, teams: state.teams, policy: this.options.policy });
    const claimed: Assignment[] = [];
    const missed: Assignment[] = [];
    for (const assignment of decision.assignments) {
      ((await claimAssignment(this.ctx, workspaceId, assignment, state, this.policy)) ? claimed : missed).push(assignment);
    }
    return { decision, claimed, missed };
  }

  /** Coalesces triggers: at most one pass running per workspace, and one more after it if needed. */
  schedule(workspaceId: string): void {
    this.known.add(workspaceId);
    if (this.running.has(workspaceId)) {
      this.pending.add(workspaceId);
      return;
    }
    const pass = this.runPass(workspaceId)
      .then((result) => {
        if (result.missed.length > 0) this.pending.add(workspaceId);
      })
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => {
        this.running.delete(workspaceId);
        if (this.pending.delete(workspaceId)) this.schedule(workspaceId);
      });
    this.running.set(workspaceId, pass);
  }

  /** Resolves when no pass is running or queued (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  private async onEvent(event: StoredEvent): Promise<void> {
    if (!event.workspaceId || !triggers.has(event.type)) return;
    await this.trackWait(event).catch((error: unknown) => this.options.onError?.(error));
    this.schedule(event.workspaceId);
  }

  /** Keeps "waiting since" true to when the conversation last started waiting for an agent. */
  private async trackWait(event: StoredEvent): Promise<void> {
    const p = event.payload as { to?: string; toOwnerId?: string | null };
    const workspaceId = event.workspaceId as string;
    const becameWaiting = event.type === 'conversation.created'
      || (event.type === 'conversation.status_changed' && p.to === 'open')
      || (event.type === 'conversation.assigned' && p.toOwnerId === null);
    if (becameWaiting) await startWait(this.ctx.db, workspaceId, event.subjectId, event.occurredAt);
    else if (event.type === 'conversation.assigned' && p.toOwnerId) await endWait(this.ctx.db, event.subjectId);
  }
}
