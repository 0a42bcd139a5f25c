import type { AgentState } from './routing-types-rules.ts';

/**
 * An agent prepared once per decision: lookups become map reads, and load is a private copy the
 * batch can count up as it assigns, leaving the caller's data untouched.
 */
export interface AgentProfile {
  state: AgentState;
  id: string;
  /** Full tags and their primary subtag ('ar-eg' and 'ar'), each with the best proficiency. */
  languages: Map<string, number>;
  skills: Map<string, number>;
  load: Map<string, number>;
  /** -Infinity when never assigned, so the agent who never had work comes first among equals. */
  lastAssignedMs: number;
  onShift: boolean;
  /** Bumped on every assignment in the batch, so stale heap entries can be recognised. */
  version: number;
}

export function normalizeTag(code: string): string {
  return code.trim().toLowerCase().replace(/_/g, '-');
}

export function primaryTag(tag: string): string {
  const dash = tag.indexOf('-');
  return dash < 0 ? tag : tag.slice(0, dash);
}

export function normalizeSkillName(name: string): string {
  return name.trim().toLowerCase();
}

function keepBest(map: Map<string, number>, key: string, proficiency: number): void {
  if (proficiency > (map.get(key) ?? -Infinity)) map.set(key, proficiency);
}

/** `onShift` comes from the caller, who reads each time zone's clock once for all agents. */
export function prepareAgent(state: AgentState, onShift: boolean): AgentProfile {
  const languages = new Map<string, number>();
  for (const l of state.languages) {
    const tag = normalizeTag(l.code);
    keepBest(languages, tag, l.proficiency);
    keepBest(languages, primaryTag(tag), l.proficiency);
  }
  const skills = new Map<string, number>();
  for (const s of state.skills) keepBest(skills, normalizeSkillName(s.name), s.proficiency);
  return {
    state,
    id: state.id,
    languages,
    skills,
    load: new Map(Object.entries(state.load)),
    lastAssignedMs: state.lastAssignedAt ? state.lastAssignedAt.getTime() : -Infinity,
    onShift,
    version: 0,
  };
}

/** Counts one more open item against the agent, as the engine will once it applies the assignment. */
export function recordAssignment(agent: AgentProfile, key: string, nowMs: number): void {
  agent.load.set(key, (agent.load.get(key) ?? 0) + 1);
  agent.lastAssignedMs = nowMs;
  agent.version += 1;
}
