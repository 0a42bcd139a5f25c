import type { Sql } from '../platform/db/index.ts';
import type { Workspace, WorkspaceSettings } from './workspace-rules.ts';

interface WorkspaceRow extends Record<string, unknown> {
  id: string;
  name: string;
  settings: WorkspaceSettings;
  created_at: Date;
  updated_at: Date;
}

const toWorkspace = (r: WorkspaceRow): Workspace => ({
  id: r.id,
  name: r.name,
  settings: r.settings,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function findWorkspace(sql: Sql, id: string, forUpdate = false): Promise<Workspace | null> {
  const rows = await sql.query<WorkspaceRow>(`select * from workspaces where id = $1${forUpdate ? ' for update' : ''}`, [id]);
  return rows[0] ? toWorkspace(rows[0]) : null;
}

export async function findFirstWorkspace(sql: Sql): Promise<Workspace | null> {
  const rows = await sql.query<WorkspaceRow>('select * from workspaces order by created_at, id limit 1');
  return rows[0] ? toWorkspace(rows[0]) : null;
}

export async function insertWorkspace(sql: Sql, w: Workspace): Promise<void> {
  await sql.query('insert into workspaces (id, name, settings, created_at, updated_at) values ($1, $2, $3, $4, $5)', [
    w.id, w.name, w.settings, w.createdAt, w.updatedAt,
  ]);
}

export async function updateWorkspace(sql: Sql, w: Workspace): Promise<void> {
  await sql.query('update workspaces set name = $2, settings = $3, updated_at = $4 where id = $1', [w.id, w.name, w.settings, w.updatedAt]);
}
