import { randomBytes } from 'node:crypto';
import { createTeamIn, type Team } from '../accounts/index.ts';
import { createAgentWithPasswordIn, preparePassword, type AuthContext } from '../auth/index.ts';
import { assignConversation, changeStatus, postMessage, startConversation } from '../conversations/index.ts';
import type { Actor } from '../kernel/index.ts';
import { transact } from '../platform/outbox/index.ts';
import { createCategory, retrainIntentModel } from '../triage/index.ts';
import { createFirstWorkspaceIn } from '../workspaces/index.ts';
import { demoAgents, demoConversations, demoTeams } from './demo-data.ts';
import { demoIntents } from './demo-intents.ts';
import { seedDemoSla } from './demo-sla.ts';

export interface DemoCredentials {
  workspaceId: string;
  adminEmail: string;
  adminPassword: string;
}

export interface DemoOptions {
  adminEmail?: string | undefined;
  /** When absent a strong one is generated and shown once. */
  adminPassword?: string | undefined;
}

const system: Actor = { type: 'system' };

/**
 * On first start, creates the demo workspace: an admin, a bilingual team in two groups, and sample
 * conversations. Returns null when a workspace already exists (every later start).
 */
export async function seedDemoWorkspace(ctx: AuthContext, options: DemoOptions = {}): Promise<DemoCredentials | null> {
  const adminEmail = options.adminEmail ?? 'admin@sanad.test';
  const adminPassword = options.adminPassword ?? randomBytes(12).toString('base64url');
  const password = await preparePassword(adminPassword);

  // The workspace, its teams and its people commit together: never a workspace nobody can sign in to.
  const seeded = await transact(ctx, async (tx) => {
    const workspace = await createFirstWorkspaceIn(tx, {
      name: 'Sanad Demo',
      settings: { defaultLanguage: 'en', supportedLanguages: ['ar', 'en', 'fr'], timeZone: 'Asia/Riyadh' },
    });
    if (!workspace) return null;
    const teams = new Map<string, Team>();
    for (const t of demoTeams) teams.set(t.key, await createTeamIn(tx, workspace.id, { name: t.name, description: t.description }, system));
    await createAgentWithPasswordIn(tx, {
      workspaceId: workspace.id, email: adminEmail, name: 'Admin', role: 'admin', timeZone: 'Asia/Riyadh',
      languages: [{ code: 'ar', proficiency: 4 }, { code: 'en', proficiency: 5 }],
    }, password, system);
    const agents = new Map<string, string>();
    for (const { teams: keys, ...agent } of demoAgents) {
      const created = await createAgentWithPasswordIn(tx, { ...agent, workspaceId: workspace.id, teamIds: keys.map((k) => teams.get(k)!.id) }, password, system);
      agents.set(created.email, created.id);
    }
    return { workspace, teams, agents };
  });
  if (!seeded) return null;

  const { workspace, teams, agents } = seeded;
  // Categories and a first model before the sample conversations, so triage reads them with it.
  for (const intent of demoIntents) {
    const teamId = intent.team ? teams.get(intent.team)!.id : null;
    await createCategory(ctx, workspace.id, { name: intent.name, description: intent.description, teamId, examples: intent.examples.map((text) => ({ text })) }, system);
  }
  await retrainIntentModel(ctx, workspace.id, system);
  // Promises before the sample conversations, so their clocks start with them.
  await seedDemoSla(ctx, workspace.id);
  for (const sample of demoConversations) {
    const { team, ...input } = sample.input;
    const conversation = await startConversation(ctx, workspace.id, { ...input, teamId: teams.get(team)!.id }, system);
    const ownerId = sample.owner ? agents.get(sample.owner)! : null;
    if (ownerId) await assignConversation(ctx, workspace.id, conversation.id, { ownerId }, system);
    for (const reply of sample.replies ?? []) {
      await postMessage(ctx, workspace.id, conversation.id, reply, ownerId ? { type: 'agent', id: ownerId } : system);
    }
    if (sample.status) await changeStatus(ctx, workspace.id, conversation.id, sample.status, ownerId ? { type: 'agent', id: ownerId } : system);
  }
  return { workspaceId: workspace.id, adminEmail, adminPassword };
}
