import { getTeam } from '../../accounts/index.ts';
import { AppError, type Actor } from '../../kernel/index.ts';
import { transact, type CommandContext, type Tx } from '../../platform/outbox/index.ts';
import { findCategory, insertCategory, insertExamples, updateCategory, type IntentCategory, type NewExample } from './category-store.ts';
import { reservedLabels } from './example-rules.ts';

/** Every change that may change what the next model learns announces itself with this event. */
export const examplesChanged = 'intent.examples_changed';

export interface NewCategoryInput {
  name: string;
  description?: string | undefined;
  teamId?: string | null | undefined;
  examples: NewExample[];
}

function announce(tx: Tx, workspaceId: string, label: string, actor: Actor, payload: Record<string, unknown>): void {
  tx.emit({ type: examplesChanged, workspaceId, subjectType: 'intent_category', subjectId: label, actor, payload: { label, ...payload } });
}

async function requireCategory(tx: Tx, workspaceId: string, name: string): Promise<IntentCategory> {
  const category = await findCategory(tx.sql, workspaceId, name, true);
  if (!category) throw new AppError('INTENT_CATEGORY_NOT_FOUND', `no intent category named ${name}`);
  return category;
}

export async function createCategory(ctx: CommandContext, workspaceId: string, input: NewCategoryInput, actor: Actor): Promise<IntentCategory> {
  if (reservedLabels.includes(input.name)) throw new AppError('VALIDATION_FAILED', `${input.name} is reserved for "out of scope"`);
  if (input.teamId) await getTeam(ctx, workspaceId, input.teamId);
  await transact(ctx, async (tx) => {
    const added = await insertCategory(tx.sql, workspaceId, { name: input.name, description: input.description?.trim() ?? '', teamId: input.teamId ?? null }, tx.now);
    if (!added) throw new AppError('INTENT_CATEGORY_TAKEN', `an intent category named ${input.name} exists already`);
    await insertExamples(tx.sql, workspaceId, input.name, input.examples.map((e) => ({ ...e, id: tx.newId() })), 'curated', actor, tx.now);
    announce(tx, workspaceId, input.name, actor, { change: 'created', examples: input.examples.length });
  });
  return (await findCategory(ctx.db, workspaceId, input.name)) as IntentCategory;
}

export interface CategoryChange {
  description?: string | undefined;
  teamId?: string | null | undefined;
  archived?: boolean | undefined;
}

export async function changeCategory(ctx: CommandContext, workspaceId: string, name: string, change: CategoryChange, actor: Actor): Promise<IntentCategory> {
  if (change.teamId) await getTeam(ctx, workspaceId, change.teamId);
  await transact(ctx, async (tx) => {
    const current = await requireCategory(tx, workspaceId, name);
    const next: IntentCategory = {
      ...current,
      description: change.description?.trim() ?? current.description,
      teamId: change.teamId === undefined ? current.teamId : change.teamId,
      archived: change.archived ?? current.archived,
    };
    await updateCategory(tx.sql, workspaceId, next, tx.now);
    if (next.archived !== current.archived) announce(tx, workspaceId, name, actor, { change: next.archived ? 'archived' : 'restored' });
  });
  return (await findCategory(ctx.db, workspaceId, name)) as IntentCategory;
}

export async function addExamples(ctx: CommandContext, workspaceId: string, name: string, examples: NewExample[], actor: Actor): Promise<IntentCategory> {
  await transact(ctx, async (tx) => {
    const category = await requireCategory(tx, workspaceId, name);
    if (category.archived) throw new AppError('INTENT_CATEGORY_ARCHIVED', `${name} is archived; restore it before adding examples`);
    await insertExamples(tx.sql, workspaceId, name, examples.map((e) => ({ ...e, id: tx.newId() })), 'curated', actor, tx.now);
    announce(tx, workspaceId, name, actor, { change: 'examples_added', examples: examples.length });
  });
  return (await findCategory(ctx.db, workspaceId, name)) as IntentCategory;
}

export async function getCategory(ctx: CommandContext, workspaceId: string, name: string): Promise<IntentCategory> {
  const category = await findCategory(ctx.db, workspaceId, name);
  if (!category) throw new AppError('INTENT_CATEGORY_NOT_FOUND', `no intent category named ${name}`);
  return category;
}
