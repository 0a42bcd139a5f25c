export { accountMigrations } from './migrations.ts';
export { agentStatuses, capacityChannels, defaultCapacity, normalizeEmail, type Agent, type AgentStatus, type Capacity, type LanguageSkill, type Skill } from './agent-rules.ts';
export { changeAgent, createAgent, createAgentIn, setAgentStatus, type AgentChange, type NewAgentInput } from './agent-commands.ts';
export { changeTeam, createTeam, createTeamIn, type TeamInput } from './team-commands.ts';
export type { Team } from './team-store.ts';
export { getAgent, getAgentByEmail, getTeam, listAgents, listAvailableAgents, listTeams } from './account-queries.ts';
export { accountRoutes, AgentView } from './account-routes.ts';
