import { accountMigrations } from './accounts/index.ts';
import { authMigrations } from './auth/index.ts';
import { contactMigrations } from './contacts/index.ts';
import { chatMigrations } from './channels/chat/index.ts';
import { emailMigrations, imapMigrations } from './channels/email/index.ts';
import { conversationMigrations } from './conversations/index.ts';
import type { Migration } from './platform/db/index.ts';
import { jobMigrations } from './platform/jobs/index.ts';
import { outboxMigrations } from './platform/outbox/index.ts';
import { callbackMigrations, routingEngineMigrations, routingRulesMigrations, transferMigrations, waitMigrations } from './routing/index.ts';
import { slaMigrations } from './sla/index.ts';
import { triageMigrations } from './triage/index.ts';
import { workspaceMigrations } from './workspaces/index.ts';

/** The one migration set: every module's own, run in id order. */
export const allMigrations: readonly Migration[] = [
  ...outboxMigrations,
  ...jobMigrations,
  ...workspaceMigrations,
  ...accountMigrations,
  ...authMigrations,
  ...contactMigrations,
  ...conversationMigrations,
  ...triageMigrations,
  ...chatMigrations,
  ...routingEngineMigrations,
  ...routingRulesMigrations,
  ...transferMigrations,
  ...waitMigrations,
  ...callbackMigrations,
  ...emailMigrations,
  ...imapMigrations,
  ...slaMigrations,
];
