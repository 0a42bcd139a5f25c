import { createAgentWithPassword } from '../auth/index.ts';
import type { Agent } from '../accounts/index.ts';
import type { Role } from '../kernel/index.ts';
import { transact, type CommandContext } from '../platform/outbox/index.ts';
import { createWorkspaceIn, type Workspace } from '../workspaces/index.ts';
import type { TestContext } from './test-context.ts';

export const testPassword = 'correct horse battery';

export interface SeededWorkspace {
  workspace: Workspace;
  admin: Agent;
  supervisor: Agent;
  agent: Agent;
}

export async function createTestWorkspace(ctx: CommandContext, name = 'Test desk'): Promise<Workspace> {
  return transact(ctx, (tx) => createWorkspaceIn(tx, { name }));
}

/** A workspace with one agent of each role, all with `testPassword`. */
export async function seedWorkspace(ctx: TestContext): Promise<SeededWorkspace> {
  const workspace = await createTestWorkspace(ctx);
  const make = (role: Role, name: string) =>
    createAgentWithPassword(ctx, { workspaceId: workspace.id, email: `${role}@example.test`, name, role }, testPassword, { type: 'system' });
  return { workspace, admin: await make('admin', 'Amal Admin'), supervisor: await make('supervisor', 'Sami Supervisor'), agent: await make('agent', 'Aya Agent') };
}
