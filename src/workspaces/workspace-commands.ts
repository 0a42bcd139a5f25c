import { AppError, type Actor } from '../kernel/index.ts';
import { transact, type CommandContext, type QueryContext, type Tx } from '../platform/outbox/index.ts';
import { applySettingsChange, defaultSettings, type Workspace, type WorkspaceSettings } from './workspace-rules.ts';
import { findFirstWorkspace, findWorkspace, insertWorkspace, updateWorkspace } from './workspace-store.ts';

export interface CreateWorkspaceInput {
  name: string;
  settings?: Partial<WorkspaceSettings>;
}

/** Inside a caller's transaction, so a workspace and its first admin appear together. */
export async function createWorkspaceIn(tx: Tx, input: CreateWorkspaceInput): Promise<Workspace> {
  const workspace: Workspace = {
    id: tx.newId(),
    name: input.name,
    settings: applySettingsChange(defaultSettings, input.settings ?? {}),
    createdAt: tx.now,
    updatedAt: tx.now,
  };
  await insertWorkspace(tx.sql, workspace);
  tx.emit({ type: 'workspace.created', workspaceId: workspace.id, subjectType: 'workspace', subjectId: workspace.id, payload: { name: workspace.name } });
  return workspace;
}

/**
 * Creates the install's first workspace, or returns null when one exists. Serialised by an
 * advisory lock so two nodes starting at once on one PostgreSQL do not both create one.
 */
export async function createFirstWorkspaceIn(tx: Tx, input: CreateWorkspaceInput): Promise<Workspace | null> {
  await tx.sql.query("select pg_advisory_xact_lock(hashtext('sanad:first-workspace'))");
  if (await findFirstWorkspace(tx.sql)) return null;
  return createWorkspaceIn(tx, input);
}

export interface UpdateWorkspaceInput {
  name?: string;
  settings?: Partial<WorkspaceSettings>;
}

export async function changeWorkspace(ctx: CommandContext, id: string, change: UpdateWorkspaceInput, actor: Actor): Promise<Workspace> {
  return transact(ctx, async (tx) => {
    const current = await findWorkspace(tx.sql, id, true);
    if (!current) throw new AppError('WORKSPACE_NOT_FOUND', 'no such workspace');
    const next: Workspace = {
      ...current,
      name: change.name ?? current.name,
      settings: applySettingsChange(current.settings, change.settings ?? {}),
      updatedAt: tx.now,
    };
    await updateWorkspace(tx.sql, next);
    tx.emit({
      type: 'workspace.updated',
      workspaceId: id,
      subjectType: 'workspace',
      subjectId: id,
      actor,
      payload: { change },
    });
    return next;
  });
}

export async function getWorkspace(ctx: QueryContext, id: string): Promise<Workspace> {
  const workspace = await findWorkspace(ctx.db, id);
  if (!workspace) throw new AppError('WORKSPACE_NOT_FOUND', 'no such workspace');
  return workspace;
}

/** The workspace a single-team install runs, if it has been created yet. */
export async function getDefaultWorkspace(ctx: QueryContext): Promise<Workspace | null> {
  return findFirstWorkspace(ctx.db);
}
