import type { Sql } from '../../platform/db/index.ts';
import type { BusinessCalendar } from '../calendar/index.ts';
import type { ClockKind, EscalationStep } from '../policies/policy-rules.ts';
import type { SlaHistoryEvent } from './clock-rules.ts';

export interface SlaClock {
  id: string;
  workspaceId: string;
  conversationId: string;
  kind: ClockKind;
  cycle: number;
  policyId: string | null;
  policyName: string | null;
  teamId: string | null;
  calendar: BusinessCalendar | null;
  /** Null: no policy promised this (the clock is kept so a later policy does not reach back in time). */
  targetSeconds: number | null;
  escalation: EscalationStep[];
  startedAt: Date;
  pauses: { from: Date; to: Date | null }[];
  outcome: 'running' | 'met' | 'ended';
  endedAt: Date | null;
  dueAt: Date | null;
  breachedAt: Date | null;
  businessSeconds: number | null;
  fired: string[];
  nextFireAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

interface ClockRow extends Record<string, unknown> {
  id: string; workspace_id: string; conversation_id: string; kind: ClockKind; cycle: number; policy_id: string | null; policy_name: string | null;
  team_id: string | null; calendar: BusinessCalendar | null; target_seconds: number | null; escalation: EscalationStep[]; started_at: Date;
  pauses: { from: string; to: string | null }[]; outcome: SlaClock['outcome']; ended_at: Date | null; due_at: Date | null; breached_at: Date | null;
  business_seconds: number | null; fired: string[]; next_fire_at: Date | null; created_at: Date; updated_at: Date;
}

const toClock = (r: ClockRow): SlaClock => ({
  id: r.id, workspaceId: r.workspace_id, conversationId: r.conversation_id, kind: r.kind, cycle: r.cycle, policyId: r.policy_id, policyName: r.policy_name,
  teamId: r.team_id, calendar: r.calendar, targetSeconds: r.target_seconds, escalation: r.escalation, startedAt: r.started_at,
  pauses: r.pauses.map((p) => ({ from: new Date(p.from), to: p.to === null ? null : new Date(p.to) })), outcome: r.outcome, endedAt: r.ended_at,
  dueAt: r.due_at, breachedAt: r.breached_at, businessSeconds: r.business_seconds, fired: r.fired, nextFireAt: r.next_fire_at, createdAt: r.created_at, updatedAt: r.updated_at,
});

/** Keeps an event SLA cares about, once (events may arrive twice). Returns whether it was new. */
export async function recordHistory(
  sql: Sql, e: { eventId: string; workspaceId: string; conversationId: string; position: number; event: SlaHistoryEvent },
): Promise<boolean> {
  const rows = await sql.query(
    `insert into sla_history (event_id, workspace_id, conversation_id, position, type, status, at) values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (event_id) do nothing returning event_id`,
    [e.eventId, e.workspaceId, e.conversationId, e.position, e.event.type, e.event.type === 'status' ? e.event.to : null, e.event.at],
  );
  return rows.length > 0;
}

export async function historyOf(sql: Sql, conversationId: string): Promise<SlaHistoryEvent[]> {
  const rows = await sql.query<{ type: SlaHistoryEvent['type']; status: string | null; at: Date }>(
    'select type, status, at from sla_history where conversation_id = $1 order by position', [conversationId],
  );
  return rows.map((r) => (r.type === 'status' ? { type: 'status', at: r.at, to: r.status as 'open' } : { type: r.type, at: r.at }) as SlaHistoryEvent);
}

export async function clocksOf(sql: Sql, conversationId: string, forUpdate = false): Promise<SlaClock[]> {
  const rows = await sql.query<ClockRow>(`select * from sla_clocks where conversation_id = $1 order by started_at, kind, cycle${forUpdate ? ' for update' : ''}`, [conversationId]);
  return rows.map(toClock);
}

export async function findClock(sql: Sql, id: string, lock: 'none' | 'update' | 'skip-locked' = 'none'): Promise<SlaClock | null> {
  const suffix = { none: '', update: ' for update', 'skip-locked': ' for update skip locked' }[lock];
  const rows = await sql.query<ClockRow>(`select * from sla_clocks where id = $1${suffix}`, [id]);
  return rows[0] ? toClock(rows[0]) : null;
}

export async function saveClock(sql: Sql, c: SlaClock): Promise<void> {
  await sql.query(
    `insert into sla_clocks (id, workspace_id, conversation_id, kind, cycle, policy_id, policy_name, team_id, calendar, target_seconds, escalation, started_at, pauses,
       outcome, ended_at, due_at, breached_at, business_seconds, fired, next_fire_at, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
     on conflict (id) do update set policy_id = $6, policy_name = $7, calendar = $9, target_seconds = $10, escalation = $11, pauses = $13, outcome = $14,
       ended_at = $15, due_at = $16, breached_at = $17, business_seconds = $18, fired = $19, next_fire_at = $20, updated_at = $22`,
    [c.id, c.workspaceId, c.conversationId, c.kind, c.cycle, c.policyId, c.policyName, c.teamId, c.calendar, c.targetSeconds, JSON.stringify(c.escalation),
      c.startedAt, JSON.stringify(c.pauses), c.outcome, c.endedAt, c.dueAt, c.breachedAt, c.businessSeconds, c.fired, c.nextFireAt, c.createdAt, c.updatedAt],
  );
}

/** Clocks with something due by `now`, soonest first. */
export async function dueClockIds(sql: Sql, now: Date, limit: number): Promise<string[]> {
  const rows = await sql.query<{ id: string }>('select id from sla_clocks where next_fire_at <= $1 order by next_fire_at limit $2', [now, limit]);
  return rows.map((r) => r.id);
}

/** Running promises with a deadline, soonest first: what the inbox sorts by. */
export async function runningClocks(sql: Sql, workspaceId: string, limit: number): Promise<SlaClock[]> {
  const rows = await sql.query<ClockRow>(
    "select * from sla_clocks where workspace_id = $1 and outcome = 'running' and target_seconds is not null order by due_at nulls last, started_at limit $2", [workspaceId, limit],
  );
  return rows.map(toClock);
}

export async function clocksStartedBetween(sql: Sql, workspaceId: string, from: Date, to: Date): Promise<SlaClock[]> {
  const rows = await sql.query<ClockRow>(
    'select * from sla_clocks where workspace_id = $1 and started_at >= $2 and started_at < $3 and target_seconds is not null', [workspaceId, from, to],
  );
  return rows.map(toClock);
}

export async function runningClocksOfPolicy(sql: Sql, workspaceId: string, policyId: string): Promise<string[]> {
  const rows = await sql.query<{ conversation_id: string }>(
    "select distinct conversation_id from sla_clocks where workspace_id = $1 and policy_id = $2 and outcome = 'running'", [workspaceId, policyId],
  );
  return rows.map((r) => r.conversation_id);
}
