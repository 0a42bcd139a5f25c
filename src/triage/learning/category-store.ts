import type { Actor } from '../../kernel/index.ts';
import type { Sql } from '../../platform/db/index.ts';
import type { ExampleSource, LabelledExample } from './example-rules.ts';

export interface IntentCategory {
  name: string;
  description: string;
  teamId: string | null;
  archived: boolean;
  examples: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewExample {
  text: string;
  lang?: string | null | undefined;
}

function toCategory(r: Record<string, unknown>): IntentCategory {
  return {
    name: r.name as string, description: r.description as string, teamId: (r.team_id as string | null) ?? null, archived: r.archived_at !== null,
    examples: Number(r.examples ?? 0), createdAt: r.created_at as Date, updatedAt: r.updated_at as Date,
  };
}

const withCounts = `select c.*, (select count(*) from intent_examples e where e.workspace_id = c.workspace_id and e.label = c.name) as examples
  from intent_categories c where c.workspace_id = $1`;

export async function listCategories(sql: Sql, workspaceId: string): Promise<IntentCategory[]> {
  return (await sql.query(`${withCounts} order by c.name`, [workspaceId])).map(toCategory);
}

export async function findCategory(sql: Sql, workspaceId: string, name: string, forUpdate = false): Promise<IntentCategory | null> {
  const rows = forUpdate
    ? await sql.query('select *, 0 as examples from intent_categories where workspace_id = $1 and name = $2 for update', [workspaceId, name])
    : await sql.query(`${withCounts} and c.name = $2`, [workspaceId, name]);
  return rows[0] ? toCategory(rows[0]) : null;
}

export async function insertCategory(sql: Sql, workspaceId: string, c: { name: string; description: string; teamId: string | null }, at: Date): Promise<boolean> {
  const rows = await sql.query(
    `insert into intent_categories (workspace_id, name, description, team_id, created_at, updated_at) values ($1, $2, $3, $4, $5, $5)
     on conflict do nothing returning name`,
    [workspaceId, c.name, c.description, c.teamId, at],
  );
  return rows.length > 0;
}

export async function updateCategory(sql: Sql, workspaceId: string, c: IntentCategory, at: Date): Promise<void> {
  await sql.query(
    `update intent_categories set description = $3, team_id = $4, archived_at = case when $5 then coalesce(archived_at, $6) else null end, updated_at = $6
     where workspace_id = $1 and name = $2`,
    [workspaceId, c.name, c.description, c.teamId, c.archived, at],
  );
}

export async function insertExamples(
  sql: Sql, workspaceId: string, label: string, examples: readonly (NewExample & { id: string })[], source: ExampleSource, by: Actor, at: Date,
): Promise<void> {
  // A millisecond apart, so the order given is the order kept (which ones are held back depends on it).
  for (const [i, e] of examples.entries()) {
    await sql.query(
      'insert into intent_examples (id, workspace_id, label, text, lang, source, created_by, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8)',
      [e.id, workspaceId, label, e.text, e.lang ?? null, source, JSON.stringify(by), new Date(at.getTime() + i)],
    );
  }
}

/** An agent's label for a conversation; labelling it again replaces the earlier label. */
export async function upsertAgentLabel(
  sql: Sql, workspaceId: string, example: { id: string; conversationId: string; label: string; text: string; lang: string | null }, by: Actor, at: Date,
): Promise<void> {
  await sql.query(
    `insert into intent_examples (id, workspace_id, label, text, lang, source, conversation_id, created_by, created_at)
     values ($1, $2, $3, $4, $5, 'agent', $6, $7, $8)
     on conflict (conversation_id) where source = 'agent' do update set label = excluded.label, text = excluded.text, lang = excluded.lang,
       created_by = excluded.created_by, created_at = excluded.created_at`,
    [example.id, workspaceId, example.label, example.text, example.lang, example.conversationId, JSON.stringify(by), at],
  );
}

export interface StoredExample extends LabelledExample {
  conversationId: string | null;
}

/** Every example of the workspace's categories still in use. */
export async function listTrainingExamples(sql: Sql, workspaceId: string): Promise<StoredExample[]> {
  const rows = await sql.query(
    `select e.* from intent_examples e join intent_categories c on c.workspace_id = e.workspace_id and c.name = e.label
     where e.workspace_id = $1 and c.archived_at is null order by e.created_at, e.id`,
    [workspaceId],
  );
  return rows.map((r) => ({
    id: r.id as string, label: r.label as string, text: r.text as string, lang: (r.lang as string | null) ?? null,
    source: r.source as ExampleSource, createdAt: r.created_at as Date, conversationId: (r.conversation_id as string | null) ?? null,
  }));
}

export async function listExamples(sql: Sql, workspaceId: string, label: string, page: { limit: number; after?: { at: Date; id: string } | undefined }): Promise<StoredExample[]> {
  const rows = await sql.query(
    `select * from intent_examples where workspace_id = $1 and label = $2 and ($3::timestamptz is null or (created_at, id) > ($3, $4::uuid))
     order by created_at, id limit $5`,
    [workspaceId, label, page.after?.at ?? null, page.after?.id ?? null, page.limit],
  );
  return rows.map((r) => ({
    id: r.id as string, label: r.label as string, text: r.text as string, lang: (r.lang as string | null) ?? null,
    source: r.source as ExampleSource, createdAt: r.created_at as Date, conversationId: (r.conversation_id as string | null) ?? null,
  }));
}
