import { AppError, type Actor } from '../kernel/index.ts';
import { transact, type CommandContext, type Tx } from '../platform/outbox/index.ts';
import { existingAgentIds, findTeam, insertTeam, saveTeam, teamNameInUse, type Team } from './team-store.ts';

export interface TeamInput {
  name: string;
  description?: string;
  memberIds?: string[];
}

async function checkedMembers(tx: Tx, workspaceId: string, memberIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(memberIds)].sort();
  const found = await existingAgentIds(tx.sql, workspaceId, unique);
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length) throw new AppError('AGENT_NOT_FOUND', `no agent ${missing.join(', ')} in this workspace`);
  return unique;
}

export async function createTeamIn(tx: Tx, workspaceId: string, input: TeamInput, actor: Actor): Promise<Team> {
  const name = input.name.trim();
  if (await teamNameInUse(tx.sql, workspaceId, name, null)) throw new AppError('TEAM_NAME_TAKEN', `a team named "${name}" already exists`);
  const team: Team = {
    id: tx.newId(),
    workspaceId,
    name,
    description: input.description?.trim() ?? '',
    memberIds: await checkedMembers(tx, workspaceId, input.memberIds ?? []),
    createdAt: tx.now,
    updatedAt: tx.now,
  };
  await insertTeam(tx.sql, team);
  tx.emit({ type: 'team.created', workspaceId, subjectType: 'team', subjectId: team.id, actor, payload: { name } });
  return team;
}

export async function createTeam(ctx: CommandContext, workspaceId: string, input: TeamInput, actor: Actor): Promise<Team> {
  return transact(ctx, (tx) => createTeamIn(tx, workspaceId, input, actor));
}

export async function changeTeam(ctx: CommandContext, workspaceId: string, id: string, change: Partial<TeamInput>, actor: Actor): Promise<Team> {
  return transact(ctx, async (tx) => {
    const current = await findTeam(tx.sql, workspaceId, id);
    if (!current) throw new AppError('TEAM_NOT_FOUND', 'no such team');
    const name = change.name?.trim() ?? current.name;
    if (name !== current.name && (await teamNameInUse(tx.sql, workspaceId, name, id))) {
      throw new AppError('TEAM_NAME_TAKEN', `a team named "${name}" already exists`);
    }
    const next: Team = {
      ...current,
      name,
      description: change.description?.trim() ?? current.description,
      memberIds: change.memberIds ? await checkedMembers(tx, workspaceId, change.memberIds) : current.memberIds,
      updatedAt: tx.now,
    };
    await saveTeam(tx.sql, next);
    tx.emit({ type: 'team.updated', workspaceId, subjectType: 'team', subjectId: id, actor, payload: { fields: Object.keys(change) } });
    return next;
  });
}
