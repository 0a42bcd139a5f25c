export { workspaceMigrations } from './migrations.ts';
export { changeWorkspace, createFirstWorkspaceIn, createWorkspaceIn, getDefaultWorkspace, getWorkspace, type CreateWorkspaceInput } from './workspace-commands.ts';
export { assertTimeZone, defaultSettings, isValidTimeZone, type Workspace, type WorkspaceSettings } from './workspace-rules.ts';
export { workspaceRoutes } from './workspace-routes.ts';
