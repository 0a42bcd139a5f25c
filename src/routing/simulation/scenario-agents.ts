import { at, type Fields } from './scenario-fields-rules.ts';
import type { DailyWindow, ScenarioAgent, ScenarioTeam } from './scenario-types-rules.ts';

const everyDay = [0, 1, 2, 3, 4, 5, 6];
const statuses = ['online', 'away', 'offline', 'on_call'] as const;

/** { start, end, days? }: a window every listed day (all days by default). */
export function readWindows(f: Fields, v: unknown, path: string): DailyWindow[] {
  return f.array(v ?? [], path).map((w, i) => {
    const p = at(path, i);
    const o = f.object(w, p, ['start', 'end', 'days']);
    const days = o.days === undefined ? everyDay : f.array(o.days, at(p, 'days')).map((d, j) => f.number(d, at(at(p, 'days'), j), { min: 0, max: 6, integer: true }));
    return { days, start: f.clock(o.start, at(p, 'start')), end: f.clock(o.end, at(p, 'end')) };
  });
}

export function readTeams(f: Fields, v: unknown): ScenarioTeam[] {
  const teams = f.array(v, 'teams').map((t, i) => {
    const p = at('teams', i);
    const o = f.object(t, p, ['id', 'overflowTo', 'overflowAfterSeconds', 'hours', 'onCallTeamId']);
    let hours: ScenarioTeam['hours'] = null;
    if (o.hours !== undefined && o.hours !== null) {
      const h = f.object(o.hours, at(p, 'hours'), ['timeZone', 'windows']);
      hours = { timeZone: f.timeZone(h.timeZone, at(at(p, 'hours'), 'timeZone')), windows: readWindows(f, h.windows, at(at(p, 'hours'), 'windows')) };
    }
    return {
      id: f.string(o.id, at(p, 'id')),
      overflowTo: f.nullableString(o.overflowTo, at(p, 'overflowTo')),
      overflowAfterSeconds: f.number(o.overflowAfterSeconds, at(p, 'overflowAfterSeconds'), { min: 0, fallback: 0 }),
      hours,
      onCallTeamId: f.nullableString(o.onCallTeamId, at(p, 'onCallTeamId')),
    };
  });
  const ids = new Set(teams.map((t) => t.id));
  teams.forEach((t, i) => {
    if (t.overflowTo !== null && !ids.has(t.overflowTo)) f.fail(at(at('teams', i), 'overflowTo'), `no team "${t.overflowTo}"`);
    if (t.onCallTeamId !== null && !ids.has(t.onCallTeamId)) f.fail(at(at('teams', i), 'onCallTeamId'), `no team "${t.onCallTeamId}"`);
  });
  if (ids.size !== teams.length) f.fail('teams', 'team ids must be unique');
  return teams;
}

/** Agents; `count: n` stands for n identical agents named id-1 … id-n. */
export function readAgents(f: Fields, v: unknown, teamIds: ReadonlySet<string>, defaultZone: string): ScenarioAgent[] {
  const agents: ScenarioAgent[] = [];
  f.array(v, 'agents').forEach((a, i) => {
    const p = at('agents', i);
    const o = f.object(a, p, ['id', 'count', 'teams', 'languages', 'skills', 'capacity', 'timeZone', 'shifts', 'status', 'onCallExpert']);
    const teams = f.array(o.teams ?? [], at(p, 'teams')).map((t, j) => {
      const id = f.string(t, at(at(p, 'teams'), j));
      if (!teamIds.has(id)) f.fail(at(at(p, 'teams'), j), `no team "${id}"`);
      return id;
    });
    const capacity: Record<string, number> = {};
    for (const [key, n] of Object.entries(f.record(o.capacity, at(p, 'capacity')))) capacity[key] = f.number(n, at(at(p, 'capacity'), key), { min: 0, integer: true });
    const base = {
      teams,
      languages: f.levels(o.languages, at(p, 'languages')),
      skills: f.levels(o.skills, at(p, 'skills')),
      capacity,
      timeZone: f.timeZone(o.timeZone, at(p, 'timeZone'), defaultZone),
      shifts: readWindows(f, o.shifts, at(p, 'shifts')),
      status: f.oneOf(o.status, at(p, 'status'), statuses, 'online'),
      onCallExpert: f.boolean(o.onCallExpert, at(p, 'onCallExpert'), false),
    };
    if (Object.keys(base.languages).length === 0) f.fail(at(p, 'languages'), 'an agent speaks at least one language');
    const id = f.string(o.id, at(p, 'id'));
    const count = f.number(o.count, at(p, 'count'), { min: 1, max: 10_000, integer: true, fallback: 1 });
    if (o.count === undefined) agents.push({ id, ...base });
    else for (let n = 1; n <= count; n += 1) agents.push({ id: `${id}-${n}`, ...base });
  });
  const seen = new Set<string>();
  for (const a of agents) {
    if (seen.has(a.id)) f.fail('agents', `agent id "${a.id}" is used twice`);
    seen.add(a.id);
  }
  return agents;
}
