import { readAgents, readTeams } from './scenario-agents.ts';
import { at, Fields } from './scenario-fields-rules.ts';
import type { Scenario, ScenarioIntent, ScenarioLanguage, ScenarioRoute, Spread } from './scenario-types-rules.ts';

/** A scenario that failed validation; `problems` name the path of each bad field. */
export class ScenarioError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? `invalid scenario: ${problems[0]}` : `invalid scenario (${problems.length} problems):\n  ${problems.join('\n  ')}`);
  }
}

const topLevel = ['name', 'description', 'date', 'timeZone', 'seed', 'tickSeconds', 'transferSeconds', 'drainHours', 'arrivals', 'languages', 'intents', 'handleTime', 'patience', 'routes', 'teams', 'agents'];
const priorities = ['low', 'normal', 'high', 'urgent'] as const;

function spreads(f: Fields, v: unknown, path: string): Record<string, Spread> {
  const out: Record<string, Spread> = {};
  for (const [channel, s] of Object.entries(v === undefined ? {} : f.record(v, path))) {
    const p = at(path, channel);
    const o = f.object(s, p, ['median', 'p90']);
    const median = f.number(o.median, at(p, 'median'), { min: 0.001 });
    const p90 = f.number(o.p90, at(p, 'p90'), { min: 0, fallback: median });
    if (p90 < median) f.fail(at(p, 'p90'), `must be at least the median (${median})`);
    out[channel] = { median, p90 };
  }
  return out;
}

function arrivals(f: Fields, v: unknown): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [channel, hours] of Object.entries(f.record(v, 'arrivals'))) {
    const p = at('arrivals', channel);
    const list = f.array(hours, p);
    if (list.length !== 24 && Array.isArray(hours)) f.fail(p, `expected 24 hourly numbers (00–23), got ${list.length}`);
    out[channel] = list.map((n, h) => f.number(n, at(p, h), { min: 0 }));
  }
  if (Object.keys(out).length === 0) f.fail('arrivals', 'give at least one channel');
  return out;
}

function languages(f: Fields, v: unknown): ScenarioLanguage[] {
  const list = Object.entries(f.record(v, 'languages')).map(([code, share]) => ({ code, share: f.number(share, at('languages', code), { min: 0 }) }));
  if (!list.some((l) => l.share > 0)) f.fail('languages', 'give at least one language with a share above 0');
  return list;
}

function intents(f: Fields, v: unknown): ScenarioIntent[] {
  const list = f.array(v, 'intents').map((x, i) => {
    const p = at('intents', i);
    const o = f.object(x, p, ['name', 'share', 'skills', 'handleTimeFactor', 'priority']);
    return {
      name: f.string(o.name, at(p, 'name')),
      share: f.number(o.share, at(p, 'share'), { min: 0 }),
      skills: f.array(o.skills ?? [], at(p, 'skills')).map((s, j) => f.string(s, at(at(p, 'skills'), j))),
      handleTimeFactor: f.number(o.handleTimeFactor, at(p, 'handleTimeFactor'), { min: 0.01, fallback: 1 }),
      priority: f.oneOf(o.priority, at(p, 'priority'), priorities, 'normal'),
    };
  });
  if (!list.some((x) => x.share > 0)) f.fail('intents', 'give at least one intent with a share above 0');
  return list;
}

function routes(f: Fields, v: unknown, teamIds: ReadonlySet<string>): ScenarioRoute[] {
  return f.array(v ?? [], 'routes').map((r, i) => {
    const p = at('routes', i);
    const o = f.object(r, p, ['channel', 'language', 'intent', 'team']);
    const team = f.string(o.team, at(p, 'team'));
    if (!teamIds.has(team)) f.fail(at(p, 'team'), `no team "${team}"`);
    return { channel: f.nullableString(o.channel, at(p, 'channel')), language: f.nullableString(o.language, at(p, 'language')), intent: f.nullableString(o.intent, at(p, 'intent')), team };
  });
}

/** Validates parsed JSON into a Scenario with defaults filled in, or throws ScenarioError. */
export function parseScenario(json: unknown): Scenario {
  const f = new Fields();
  const o = f.object(json, '', topLevel);
  const timeZone = f.timeZone(o.timeZone, 'timeZone', 'UTC');
  const teams = readTeams(f, o.teams ?? []);
  const teamIds = new Set(teams.map((t) => t.id));
  const scenario: Scenario = {
    name: f.string(o.name, 'name'),
    description: typeof o.description === 'string' ? o.description : '',
    date: f.date(o.date, 'date'),
    timeZone,
    seed: f.number(o.seed, 'seed', { integer: true, fallback: 1 }),
    tickSeconds: f.number(o.tickSeconds, 'tickSeconds', { min: 1, fallback: 15 }),
    transferSeconds: f.number(o.transferSeconds, 'transferSeconds', { min: 0, fallback: 45 }),
    drainHours: f.number(o.drainHours, 'drainHours', { min: 0, max: 168, fallback: 24 }),
    arrivals: arrivals(f, o.arrivals),
    languages: languages(f, o.languages),
    intents: intents(f, o.intents),
    handleTime: spreads(f, o.handleTime, 'handleTime'),
    patience: spreads(f, o.patience, 'patience'),
    routes: routes(f, o.routes, teamIds),
    teams,
    agents: readAgents(f, o.agents, teamIds, timeZone),
  };
  for (const channel of Object.keys(scenario.arrivals)) if (!scenario.handleTime[channel]) f.fail(at('handleTime', channel), 'missing: every channel with arrivals needs a handle time');
  if (scenario.agents.length === 0) f.fail('agents', 'give at least one agent');
  if (f.errors.length > 0) throw new ScenarioError(f.errors);
  return scenario;
}

/** Text → Scenario; a JSON syntax error is reported like any other problem. */
export function parseScenarioText(text: string): Scenario {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ScenarioError([`(file): not valid JSON: ${(error as Error).message}`]);
  }
  return parseScenario(json);
}
