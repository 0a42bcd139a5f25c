import type { Sql } from '../platform/db/index.ts';
import type { AttributeValue, Contact, Identity } from './contact-rules.ts';

interface ContactRow extends Record<string, unknown> {
  id: string;
  workspace_id: string;
  name: string | null;
  language: string | null;
  attributes: Record<string, AttributeValue>;
  merged_into: string | null;
  identities: Identity[] | null;
  merged_from: string[] | null;
  created_at: Date;
  updated_at: Date;
}

const selectContacts = `
  select c.*,
    coalesce((select json_agg(json_build_object('kind', i.kind, 'value', i.value) order by i.kind, i.value)
              from contact_identities i where i.contact_id = c.id), '[]') as identities,
    coalesce((select array_agg(m.id order by m.id) from contacts m where m.merged_into = c.id), '{}') as merged_from
  from contacts c`;

const toContact = (r: ContactRow): Contact => ({
  id: r.id,
  workspaceId: r.workspace_id,
  name: r.name,
  language: r.language,
  attributes: r.attributes,
  identities: r.identities ?? [],
  mergedFrom: r.merged_from ?? [],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Follows a merge to the surviving contact, so an old id still finds its person. */
export async function findContact(sql: Sql, workspaceId: string, id: string, forUpdate = false): Promise<Contact | null> {
  const rows = await sql.query<ContactRow>(
    `${selectContacts} where c.workspace_id = $1 and c.id = coalesce((select merged_into from contacts where id = $2), $2)${forUpdate ? ' for update of c' : ''}`,
    [workspaceId, id],
  );
  return rows[0] ? toContact(rows[0]) : null;
}

export async function findContactIdByIdentity(sql: Sql, workspaceId: string, identity: Identity): Promise<string | null> {
  const rows = await sql.query<{ contact_id: string }>(
    'select contact_id from contact_identities where workspace_id = $1 and kind = $2 and value = $3',
    [workspaceId, identity.kind, identity.value],
  );
  return rows[0]?.contact_id ?? null;
}

export async function listContactRows(
  sql: Sql, workspaceId: string, search: { name: string; identity: string } | null, after: [string, string] | null, limit: number,
): Promise<Contact[]> {
  const rows = await sql.query<ContactRow>(
    `${selectContacts}
     where c.workspace_id = $1 and c.merged_into is null
       and ($2::text is null or c.name ilike '%' || $2 || '%'
            or exists (select 1 from contact_identities i where i.contact_id = c.id and i.value ilike '%' || $6 || '%'))
       and ($3::timestamptz is null or (c.created_at, c.id) < ($3, $4::uuid))
     order by c.created_at desc, c.id desc limit $5`,
    [workspaceId, search?.name ?? null, after?.[0] ?? null, after?.[1] ?? null, limit, search?.identity ?? null],
  );
  return rows.map(toContact);
}

export async function insertContact(sql: Sql, c: Contact): Promise<void> {
  await sql.query(
    'insert into contacts (id, workspace_id, name, language, attributes, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7)',
    [c.id, c.workspaceId, c.name, c.language, c.attributes, c.createdAt, c.updatedAt],
  );
}

export async function saveContact(sql: Sql, c: Pick<Contact, 'id' | 'name' | 'language' | 'attributes' | 'updatedAt'>): Promise<void> {
  await sql.query('update contacts set name = $2, language = $3, attributes = $4, updated_at = $5 where id = $1', [
    c.id, c.name, c.language, c.attributes, c.updatedAt,
  ]);
}

export async function insertIdentity(sql: Sql, workspaceId: string, contactId: string, identity: Identity, at: Date): Promise<void> {
  await sql.query('insert into contact_identities (workspace_id, kind, value, contact_id, created_at) values ($1, $2, $3, $4, $5)', [
    workspaceId, identity.kind, identity.value, contactId, at,
  ]);
}

/** Moves the source's identities and earlier merges onto the target, and marks the source merged. */
export async function recordMerge(sql: Sql, sourceId: string, targetId: string, at: Date): Promise<void> {
  await sql.query('update contact_identities set contact_id = $2 where contact_id = $1', [sourceId, targetId]);
  await sql.query('update contacts set merged_into = $2, updated_at = $3 where merged_into = $1', [sourceId, targetId, at]);
  await sql.query('update contacts set merged_into = $2, updated_at = $3 where id = $1', [sourceId, targetId, at]);
}

/** Locks the rows in id order (so two opposite merges cannot deadlock) and says where each was merged. */
export async function lockContactRows(sql: Sql, workspaceId: string, ids: readonly string[]): Promise<Map<string, string | null>> {
  const rows = await sql.query<{ id: string; merged_into: string | null }>(
    'select id, merged_into from contacts where workspace_id = $1 and id = any($2::uuid[]) order by id for update',
    [workspaceId, ids],
  );
  return new Map(rows.map((r) => [r.id, r.merged_into]));
}
