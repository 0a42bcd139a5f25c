import type { RouteVia, TeamRouting } from './routing-types-rules.ts';

/**
 * Where an item may go right now. `hop` counts overflow steps from the item's own team; the
 * scoring subtracts a weight per hop, so the home team keeps its work while it has room.
 */
export type RouteTarget = (
  | { kind: 'anyone' }
  | { kind: 'team'; teamId: string }
  | { kind: 'on_call_team'; teamId: string }
  | { kind: 'on_call_experts' }
) & { hop: number; /** Who the target reaches, whatever the hop: 'team:billing'. */ unit: string };

/** A list of targets with its key, shared by every item of the same team that reached the same hop. */
export interface TargetList {
  targets: RouteTarget[];
  key: string;
}

/** The teams of one decision, with which of them are open now (the caller reads their clocks). */
export interface RouteTable {
  teams: ReadonlyMap<string, TeamRouting>;
  open: ReadonlyMap<string, boolean>;
  /** teamId → target lists by the number of overflow hops reached; the lists are immutable. */
  lists: Map<string, TargetList[]>;
}

export function routeTable(teams: readonly TeamRouting[], open: ReadonlyMap<string, boolean>): RouteTable {
  return { teams: new Map(teams.map((t) => [t.id, t])), open, lists: new Map() };
}

// A team the routing table does not know is taken to be open around the clock, with no overflow.
const plainTeam = (id: string): TeamRouting => ({ id, overflowTo: null, overflowAfterSeconds: 0, hours: null, onCallTeamId: null });

const anyone: TargetList = { targets: [{ kind: 'anyone', hop: 0, unit: 'anyone:' }], key: 'anyone:0' };

/**
 * The item's team, then each overflow team once the item has waited past the sum of the overflow
 * delays on the way (A → B after 60 s, B → C after 120 s more). A team outside its hours is
 * replaced by its on-call team, or by on-call experts when it names none.
 */
export function routeTargets(teamId: string | null, waited: number, ctx: RouteTable): TargetList {
  if (teamId === null) return anyone;
  const seen = new Set<string>();
  let team = ctx.teams.get(teamId) ?? plainTeam(teamId);
  let threshold = 0;
  let hops = 0;
  for (;;) {
    seen.add(team.id);
    const next = team.overflowTo;
    if (next === null || seen.has(next) || waited < threshold + team.overflowAfterSeconds) break;
    threshold += team.overflowAfterSeconds;
    team = ctx.teams.get(next) ?? plainTeam(next);
    hops += 1;
  }
  // Items of one team differ only in how far they overflowed, so the lists are built once each.
  const lists = ctx.lists.get(teamId) ?? [];
  ctx.lists.set(teamId, lists);
  return (lists[hops] ??= buildList(teamId, hops, ctx));
}

function buildList(teamId: string, hops: number, ctx: RouteTable): TargetList {
  const targets: RouteTarget[] = [];
  let team = ctx.teams.get(teamId) ?? plainTeam(teamId);
  for (let hop = 0; hop <= hops; hop += 1) {
    if (ctx.open.get(team.id) ?? true) targets.push({ kind: 'team', teamId: team.id, hop, unit: `team:${team.id}` });
    else if (team.onCallTeamId !== null) targets.push({ kind: 'on_call_team', teamId: team.onCallTeamId, hop, unit: `on_call_team:${team.onCallTeamId}` });
    else targets.push({ kind: 'on_call_experts', hop, unit: 'on_call_experts:' });
    team = ctx.teams.get(team.overflowTo ?? '') ?? plainTeam(team.overflowTo ?? '');
  }
  return { targets, key: targets.map((t) => `${t.unit}:${t.hop}`).join(',') };
}

export function viaOf(target: RouteTarget): RouteVia {
  if (target.kind === 'on_call_team' || target.kind === 'on_call_experts') return 'on_call';
  return target.hop === 0 ? 'team' : 'overflow';
}
