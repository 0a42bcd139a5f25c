import { AppError, decodeCursor, toPage, type Actor, type PageResult } from '../kernel/index.ts';
import { transact, type CommandContext, type QueryContext, type Tx } from '../platform/outbox/index.ts';
import { mergeContactFacts, normalizeIdentity, toAsciiDigits, type AttributeValue, type Contact, type Identity } from './contact-rules.ts';
import {
  findContact, findContactIdByIdentity, insertContact, insertIdentity, listContactRows, lockContactRows, recordMerge, saveContact,
} from './contact-store.ts';

export interface ContactInput {
  name?: string | null;
  language?: string | null;
  attributes?: Record<string, AttributeValue>;
  identities?: Identity[];
}

async function mustFind(tx: Tx | QueryContext, workspaceId: string, id: string, forUpdate = false): Promise<Contact> {
  const sql = 'sql' in tx ? tx.sql : tx.db;
  const contact = await findContact(sql, workspaceId, id, forUpdate);
  if (!contact) throw new AppError('CONTACT_NOT_FOUND', 'no such contact');
  return contact;
}

async function lockIdentity(tx: Tx, workspaceId: string, identity: Identity): Promise<void> {
  await tx.sql.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [`contact-identity:${workspaceId}:${identity.kind}:${identity.value}`]);
}

async function attachIdentity(tx: Tx, workspaceId: string, contactId: string, identity: Identity): Promise<void> {
  await lockIdentity(tx, workspaceId, identity);
  const owner = await findContactIdByIdentity(tx.sql, workspaceId, identity);
  if (owner === contactId) return;
  if (owner) throw new AppError('IDENTITY_TAKEN', `${identity.kind} ${identity.value} belongs to another contact; merge the two instead`, { contactId: owner });
  await insertIdentity(tx.sql, workspaceId, contactId, identity, tx.now);
}

export async function createContactIn(tx: Tx, workspaceId: string, input: ContactInput, actor: Actor): Promise<Contact> {
  const identities = (input.identities ?? []).map((i) => normalizeIdentity(i.kind, i.value));
  const id = tx.newId();
  await insertContact(tx.sql, {
    id, workspaceId, name: input.name?.trim() || null, language: input.language ?? null, attributes: input.attributes ?? {},
    identities: [], mergedFrom: [], createdAt: tx.now, updatedAt: tx.now,
  });
  for (const identity of identities) await attachIdentity(tx, workspaceId, id, identity);
  tx.emit({ type: 'contact.created', workspaceId, subjectType: 'contact', subjectId: id, actor, payload: { identities } });
  return mustFind(tx, workspaceId, id);
}

export async function createContact(ctx: CommandContext, workspaceId: string, input: ContactInput, actor: Actor): Promise<Contact> {
  return transact(ctx, (tx) => createContactIn(tx, workspaceId, input, actor));
}

/** How channels meet a customer: by an identity, creating the contact the first time. */
export async function findOrCreateContactIn(tx: Tx, workspaceId: string, identity: Identity, defaults: ContactInput, actor: Actor): Promise<Contact> {
  const normalized = normalizeIdentity(identity.kind, identity.value);
  // Two first messages from one new sender at once must meet one contact, not race to create two.
  await lockIdentity(tx, workspaceId, normalized);
  const existing = await findContactIdByIdentity(tx.sql, workspaceId, normalized);
  if (existing) return mustFind(tx, workspaceId, existing);
  return createContactIn(tx, workspaceId, { ...defaults, identities: [normalized, ...(defaults.identities ?? [])] }, actor);
}

export async function changeContact(
  ctx: CommandContext, workspaceId: string, id: string, change: Omit<ContactInput, 'identities'> & { addIdentities?: Identity[] }, actor: Actor,
): Promise<Contact> {
  return transact(ctx, async (tx) => {
    const current = await mustFind(tx, workspaceId, id, true);
    const additions = (change.addIdentities ?? []).map((i) => normalizeIdentity(i.kind, i.value));
    await saveContact(tx.sql, {
      id: current.id,
      name: change.name === undefined ? current.name : change.name?.trim() || null,
      language: change.language === undefined ? current.language : change.language,
      attributes: change.attributes === undefined ? current.attributes : { ...current.attributes, ...change.attributes },
      updatedAt: tx.now,
    });
    for (const identity of additions) await attachIdentity(tx, workspaceId, current.id, identity);
    tx.emit({ type: 'contact.updated', workspaceId, subjectType: 'contact', subjectId: current.id, actor, payload: { fields: Object.keys(change) } });
    return mustFind(tx, workspaceId, current.id);
  });
}

/**
 * Makes two records of one person into one. Nothing is deleted: the source keeps its id (which
 * now resolves to the target) and its conversations stay where they are, read through the
 * target's `mergedFrom`, so every message survives.
 */
export async function mergeContacts(ctx: CommandContext, workspaceId: string, targetId: string, sourceId: string, actor: Actor): Promise<Contact> {
  return transact(ctx, async (tx) => {
    if (targetId === sourceId) throw new AppError('CONTACT_MERGE_INVALID', 'a contact cannot be merged into itself');
    const locked = await lockContactRows(tx.sql, workspaceId, [targetId, sourceId]);
    if (!locked.has(targetId) || !locked.has(sourceId)) throw new AppError('CONTACT_NOT_FOUND', 'no such contact');
    if (locked.get(sourceId)) throw new AppError('CONTACT_ALREADY_MERGED', 'that contact was already merged into another');
    const mergedTarget = locked.get(targetId);
    if (mergedTarget) throw new AppError('CONTACT_MERGE_INVALID', `the target was itself merged into ${mergedTarget}; merge into that contact`, { contactId: mergedTarget });
    const target = await mustFind(tx, workspaceId, targetId);
    const source = await mustFind(tx, workspaceId, sourceId);
    const facts = mergeContactFacts(target, source);
    await recordMerge(tx.sql, source.id, target.id, tx.now);
    await saveContact(tx.sql, { id: target.id, ...facts, updatedAt: tx.now });
    tx.emit({ type: 'contact.merged', workspaceId, subjectType: 'contact', subjectId: target.id, actor, payload: { sourceId: source.id, targetId: target.id } });
    return mustFind(tx, workspaceId, target.id);
  });
}

export async function getContact(ctx: QueryContext, workspaceId: string, id: string): Promise<Contact> {
  return mustFind(ctx, workspaceId, id);
}

/** The same read inside another module's transaction. */
export async function getContactIn(tx: Tx, workspaceId: string, id: string): Promise<Contact> {
  return mustFind(tx, workspaceId, id);
}

export async function findContactByIdentity(ctx: QueryContext, workspaceId: string, identity: Identity): Promise<Contact | null> {
  const id = await findContactIdByIdentity(ctx.db, workspaceId, normalizeIdentity(identity.kind, identity.value));
  return id ? getContact(ctx, workspaceId, id) : null;
}

export async function listContacts(
  ctx: QueryContext, workspaceId: string, q: { search?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<PageResult<Contact>> {
  const after = decodeCursor(q.cursor, ['string', 'string']) as [string, string] | null;
  // The search is matched with ILIKE: its own % and _ are literal characters, not wildcards.
  const text = q.search?.trim().replace(/[\\%_]/g, (c) => `\\${c}`) || null;
  // Phones are stored with ASCII digits, so ٠٥٥ finds 055 too.
  const search = text ? { name: text, identity: toAsciiDigits(text) } : null;
  const rows = await listContactRows(ctx.db, workspaceId, search, after, q.limit + 1);
  return toPage(rows, q.limit, (c) => [c.createdAt.toISOString(), c.id]);
}
