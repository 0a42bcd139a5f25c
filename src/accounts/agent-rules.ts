import { AppError, type Role } from '../kernel/index.ts';

export const agentStatuses = ['online', 'away', 'offline', 'on_call'] as const;
export type AgentStatus = (typeof agentStatuses)[number];

export const capacityChannels = ['chat', 'email', 'messaging', 'callback'] as const;
export type CapacityChannel = (typeof capacityChannels)[number];
/** How many open conversations of each channel an agent carries at once. */
export type Capacity = Record<CapacityChannel, number>;

/** Proficiency 1 (can help) to 5 (expert). */
export interface Skill {
  name: string;
  proficiency: number;
}
export interface LanguageSkill {
  code: string;
  proficiency: number;
}

export interface Agent {
  id: string;
  workspaceId: string;
  email: string;
  name: string;
  role: Role;
  timeZone: string;
  status: AgentStatus;
  skills: Skill[];
  languages: LanguageSkill[];
  capacity: Capacity;
  teamIds: string[];
  active: boolean;
  /** The last time the agent was deactivated, if ever. */
  deactivatedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const defaultCapacity: Capacity = { chat: 3, email: 10, messaging: 5, callback: 1 };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Skill names compare case-insensitively; a name listed twice keeps its highest proficiency. */
export function normalizeSkills(skills: readonly Skill[]): Skill[] {
  const byName = new Map<string, number>();
  for (const s of skills) {
    const name = s.name.trim().toLowerCase();
    byName.set(name, Math.max(byName.get(name) ?? 0, s.proficiency));
  }
  return [...byName].map(([name, proficiency]) => ({ name, proficiency }));
}

export function normalizeLanguages(languages: readonly LanguageSkill[]): LanguageSkill[] {
  return normalizeSkills(languages.map((l) => ({ name: l.code, proficiency: l.proficiency }))).map((s) => ({
    code: s.name,
    proficiency: s.proficiency,
  }));
}

/**
 * A workspace must keep at least one active admin, or nobody could manage it any more.
 * `activeAdmins` counts the others, not the agent being changed.
 */
export function assertKeepsAnAdmin(before: Pick<Agent, 'role' | 'active'>, after: Pick<Agent, 'role' | 'active'>, otherActiveAdmins: number): void {
  const wasAdmin = before.role === 'admin' && before.active;
  const staysAdmin = after.role === 'admin' && after.active;
  if (wasAdmin && !staysAdmin && otherActiveAdmins === 0) {
    throw new AppError('LAST_ADMIN', 'this is the last active admin; make someone else admin first');
  }
}
