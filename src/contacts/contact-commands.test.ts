import { beforeEach, describe, expect, it } from 'vitest';
import { listConversations, startConversation } from '../conversations/index.ts';
import { transact } from '../platform/outbox/index.ts';
import { createTestWorkspace, testContext, type TestContext } from '../testing/index.ts';
import type { Workspace } from '../workspaces/index.ts';
import {
  changeContact, createContact, findContactByIdentity, findOrCreateContactIn, getContact, listContacts, mergeContacts,
} from './contact-commands.ts';

let ctx: TestContext;
let ws: Workspace;
const system = { type: 'system' } as const;

beforeEach(async () => {
  ctx = await testContext();
  ws = await createTestWorkspace(ctx);
});

async function count(table: string): Promise<number> {
  return (await ctx.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
}

async function events(type: string): Promise<{ subject_id: string; payload: Record<string, unknown>; actor: unknown }[]> {
  return ctx.db.query('select subject_id, payload, actor from events where type = $1 order by position', [type]);
}

describe('creating contacts', () => {
  it('when a contact is created with identities, then they are stored normalised and a contact.created event is written', async () => {
    const c = await createContact(ctx, ws.id, {
      name: '  Huda Ahmed ', language: 'ar', attributes: { plan: 'gold' },
      identities: [{ kind: 'email', value: 'Huda@Example.com' }, { kind: 'phone', value: '٠٥٠ ١٢٣ ٤٥٦٧' }],
    }, system);
    expect(c).toMatchObject({ workspaceId: ws.id, name: 'Huda Ahmed', language: 'ar', attributes: { plan: 'gold' }, mergedFrom: [] });
    expect(c.identities).toEqual([{ kind: 'email', value: 'huda@example.com' }, { kind: 'phone', value: '0501234567' }]);
    const created = await events('contact.created');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ subject_id: c.id, actor: system });
  });

  it('when an identity already belongs to another contact, then IDENTITY_TAKEN and nothing of the failed command is written', async () => {
    const first = await createContact(ctx, ws.id, { name: 'Huda', identities: [{ kind: 'email', value: 'huda@example.com' }] }, system);
    const before = { contacts: await count('contacts'), identities: await count('contact_identities'), events: await count('events') };
    const attempt = createContact(ctx, ws.id, {
      name: 'Other', identities: [{ kind: 'phone', value: '+966501234567' }, { kind: 'email', value: ' HUDA@example.com' }],
    }, system);
    await expect(attempt).rejects.toMatchObject({ code: 'IDENTITY_TAKEN', details: { contactId: first.id } });
    expect({ contacts: await count('contacts'), identities: await count('contact_identities'), events: await count('events') }).toEqual(before);
    expect(await findContactByIdentity(ctx, ws.id, { kind: 'phone', value: '+966501234567' })).toBeNull();
  });

  it('when an identity is invalid, then INVALID_IDENTITY and no contact is created', async () => {
    await expect(createContact(ctx, ws.id, { identities: [{ kind: 'phone', value: 'call me' }] }, system)).rejects.toMatchObject({ code: 'INVALID_IDENTITY' });
    expect(await count('contacts')).toBe(0);
  });

  it('when the same identity is used in another workspace, then it is a different contact there', async () => {
    const other = await createTestWorkspace(ctx, 'Other desk');
    const a = await createContact(ctx, ws.id, { identities: [{ kind: 'email', value: 'x@example.com' }] }, system);
    const b = await createContact(ctx, other.id, { identities: [{ kind: 'email', value: 'x@example.com' }] }, system);
    expect(b.id).not.toBe(a.id);
    await expect(getContact(ctx, other.id, a.id)).rejects.toMatchObject({ code: 'CONTACT_NOT_FOUND' });
  });
});

describe('finding contacts', () => {
  it('when a channel meets a phone written in Arabic digits, then the existing contact is found and none is created', async () => {
    const huda = await createContact(ctx, ws.id, { name: 'Huda', identities: [{ kind: 'phone', value: '+966 50 123 4567' }] }, system);
    const found = await transact(ctx, (tx) =>
      findOrCreateContactIn(tx, ws.id, { kind: 'phone', value: '٠٠٩٦٦٥٠١٢٣٤٥٦٧' }, { name: 'Someone else' }, system));
    expect(found.id).toBe(huda.id);
    expect(found.name).toBe('Huda');
    expect(await count('contacts')).toBe(1);
  });

  it('when a channel meets an unknown identity, then a contact is created with it and the defaults', async () => {
    const made = await transact(ctx, (tx) =>
      findOrCreateContactIn(tx, ws.id, { kind: 'email', value: 'New@Example.com' }, { name: 'New', identities: [{ kind: 'visitor', value: 'v-1' }] }, system));
    expect(made.name).toBe('New');
    expect(made.identities).toEqual([{ kind: 'email', value: 'new@example.com' }, { kind: 'visitor', value: 'v-1' }]);
    expect((await findContactByIdentity(ctx, ws.id, { kind: 'email', value: ' NEW@example.com' }))?.id).toBe(made.id);
  });

  it('when an unknown id is asked for, then CONTACT_NOT_FOUND', async () => {
    await expect(getContact(ctx, ws.id, '01a20000-0000-7000-8000-000000000000')).rejects.toMatchObject({ code: 'CONTACT_NOT_FOUND', status: 404 });
    await expect(changeContact(ctx, ws.id, '01a20000-0000-7000-8000-000000000000', { name: 'x' }, system)).rejects.toMatchObject({ code: 'CONTACT_NOT_FOUND' });
  });
});

describe('changing contacts', () => {
  it('when attributes are changed and identities added, then attributes merge and identities are added', async () => {
    const c = await createContact(ctx, ws.id, { name: 'Huda', attributes: { plan: 'free', city: 'Riyadh' }, identities: [{ kind: 'email', value: 'h@example.com' }] }, system);
    const changed = await changeContact(ctx, ws.id, c.id, {
      attributes: { plan: 'gold', orders: 2 }, addIdentities: [{ kind: 'phone', value: '0501234567' }, { kind: 'email', value: 'H@Example.com' }],
    }, system);
    expect(changed.name).toBe('Huda');
    expect(changed.attributes).toEqual({ plan: 'gold', city: 'Riyadh', orders: 2 });
    expect(changed.identities).toEqual([{ kind: 'email', value: 'h@example.com' }, { kind: 'phone', value: '0501234567' }]);
  });

  it('when an added identity belongs to someone else, then IDENTITY_TAKEN and the other changes are not kept', async () => {
    await createContact(ctx, ws.id, { identities: [{ kind: 'email', value: 'taken@example.com' }] }, system);
    const c = await createContact(ctx, ws.id, { name: 'Huda' }, system);
    await expect(changeContact(ctx, ws.id, c.id, { name: 'Renamed', addIdentities: [{ kind: 'email', value: 'taken@example.com' }] }, system))
      .rejects.toMatchObject({ code: 'IDENTITY_TAKEN' });
    expect((await getContact(ctx, ws.id, c.id)).name).toBe('Huda');
  });
});

describe('merging contacts', () => {
  async function pair() {
    const target = await createContact(ctx, ws.id, { name: 'Huda', attributes: { plan: 'gold' }, identities: [{ kind: 'email', value: 'huda@example.com' }] }, system);
    const source = await createContact(ctx, ws.id, {
      language: 'ar', attributes: { plan: 'free', city: 'Riyadh' }, identities: [{ kind: 'phone', value: '+966501234567' }],
    }, system);
    return { target, source };
  }

  it('when a source is merged into a target, then identities move, facts combine and the source id resolves to the target', async () => {
    const { target, source } = await pair();
    const merged = await mergeContacts(ctx, ws.id, target.id, source.id, system);
    expect(merged).toMatchObject({ id: target.id, name: 'Huda', language: 'ar', attributes: { plan: 'gold', city: 'Riyadh' }, mergedFrom: [source.id] });
    expect(merged.identities).toEqual([{ kind: 'email', value: 'huda@example.com' }, { kind: 'phone', value: '+966501234567' }]);
    const viaSource = await getContact(ctx, ws.id, source.id);
    expect(viaSource.id).toBe(target.id);
    expect(viaSource.mergedFrom).toContain(source.id);
    expect((await findContactByIdentity(ctx, ws.id, { kind: 'phone', value: '٠٠٩٦٦٥٠١٢٣٤٥٦٧' }))?.id).toBe(target.id);
    const [event] = await events('contact.merged');
    expect(event).toMatchObject({ subject_id: target.id, payload: { sourceId: source.id, targetId: target.id } });
  });

  it('when a contact is merged into itself, then CONTACT_MERGE_INVALID and nothing changes', async () => {
    const { target } = await pair();
    await expect(mergeContacts(ctx, ws.id, target.id, target.id, system)).rejects.toMatchObject({ code: 'CONTACT_MERGE_INVALID' });
    expect(await events('contact.merged')).toHaveLength(0);
  });

  it('when the same source is merged a second time, then CONTACT_ALREADY_MERGED', async () => {
    const { target, source } = await pair();
    const third = await createContact(ctx, ws.id, { name: 'Third' }, system);
    await mergeContacts(ctx, ws.id, target.id, source.id, system);
    await expect(mergeContacts(ctx, ws.id, target.id, source.id, system)).rejects.toMatchObject({ code: 'CONTACT_ALREADY_MERGED' });
    await expect(mergeContacts(ctx, ws.id, third.id, source.id, system)).rejects.toMatchObject({ code: 'CONTACT_ALREADY_MERGED' });
    expect(await events('contact.merged')).toHaveLength(1);
  });

  it('when the target was itself merged away, then the merge is refused and points at the surviving contact', async () => {
    const { target, source } = await pair();
    const third = await createContact(ctx, ws.id, { name: 'Third' }, system);
    await mergeContacts(ctx, ws.id, third.id, target.id, system);
    await expect(mergeContacts(ctx, ws.id, target.id, source.id, system)).rejects.toMatchObject({ code: 'CONTACT_MERGE_INVALID', details: { contactId: third.id } });
  });

  it('when a merge names a contact of another workspace, then CONTACT_NOT_FOUND, not a hint that it exists', async () => {
    const other = await createTestWorkspace(ctx, 'Other desk');
    const foreign = await createContact(ctx, other.id, { name: 'Elsewhere' }, system);
    const mine = await createContact(ctx, ws.id, { name: 'Mine' }, system);
    await expect(mergeContacts(ctx, ws.id, mine.id, foreign.id, system)).rejects.toMatchObject({ code: 'CONTACT_NOT_FOUND' });
  });

  it('when the target is merged on into a third contact, then the first source follows and still resolves', async () => {
    const { target, source } = await pair();
    const third = await createContact(ctx, ws.id, { name: 'Third' }, system);
    await mergeContacts(ctx, ws.id, target.id, source.id, system);
    const final = await mergeContacts(ctx, ws.id, third.id, target.id, system);
    expect([...final.mergedFrom].sort()).toEqual([source.id, target.id].sort());
    expect((await getContact(ctx, ws.id, source.id)).id).toBe(third.id);
  });

  it('when contacts are merged, then conversations of the source are listed under the target and none is lost', async () => {
    const { target, source } = await pair();
    const start = (contactId: string, body: string) =>
      startConversation(ctx, ws.id, { channel: 'email', contactId, message: { kind: 'customer', body } }, system);
    const ofTarget = await start(target.id, 'from the target');
    const ofSource = await start(source.id, 'from the source');
    await mergeContacts(ctx, ws.id, target.id, source.id, system);
    const afterMerge = await start(source.id, 'written to the old id');
    const listed = await listConversations(ctx, ws.id, { contactId: target.id, limit: 50 });
    expect(listed.items.map((c) => c.id).sort()).toEqual([ofTarget.id, ofSource.id, afterMerge.id].sort());
    const viaOldId = await listConversations(ctx, ws.id, { contactId: source.id, limit: 50 });
    expect(viaOldId.items).toHaveLength(3);
  });

  it('when a merge names an unknown contact, then CONTACT_NOT_FOUND', async () => {
    const { target } = await pair();
    await expect(mergeContacts(ctx, ws.id, target.id, '01a20000-0000-7000-8000-000000000000', system)).rejects.toMatchObject({ code: 'CONTACT_NOT_FOUND' });
  });
});

describe('listing contacts', () => {
  it('when contacts are searched by name or by identity, then the matching ones come back, merged ones never', async () => {
    const huda = await createContact(ctx, ws.id, { name: 'Huda Ahmed', identities: [{ kind: 'email', value: 'huda@example.com' }] }, system);
    const omar = await createContact(ctx, ws.id, { name: 'Omar', identities: [{ kind: 'phone', value: '+966501234567' }] }, system);
    const ghost = await createContact(ctx, ws.id, { name: 'Huda duplicate' }, system);
    await mergeContacts(ctx, ws.id, huda.id, ghost.id, system);
    const ids = async (search: string) => (await listContacts(ctx, ws.id, { search, limit: 50 })).items.map((c) => c.id);
    expect(await ids('huda')).toEqual([huda.id]);
    expect(await ids('AHMED')).toEqual([huda.id]);
    expect(await ids('example.com')).toEqual([huda.id]);
    expect(await ids('501234')).toEqual([omar.id]);
    expect(await ids('٥٠١٢٣٤')).toEqual([omar.id]);
    expect(await ids('nobody')).toEqual([]);
    expect((await listContacts(ctx, ws.id, { search: '   ', limit: 50 })).items).toHaveLength(2);
  });

  it('when the search holds %, _ or a backslash, then they match only themselves', async () => {
    const exact = await createContact(ctx, ws.id, { name: 'first_last 100%', identities: [{ kind: 'external', value: 'crm\\42' }] }, system);
    await createContact(ctx, ws.id, { name: 'firstxlast 1000' }, system);
    const ids = async (search: string) => (await listContacts(ctx, ws.id, { search, limit: 50 })).items.map((c) => c.id);
    expect(await ids('first_last')).toEqual([exact.id]);
    expect(await ids('100%')).toEqual([exact.id]);
    expect(await ids('%')).toEqual([exact.id]);
    expect(await ids('crm\\4')).toEqual([exact.id]);
  });

  it('when contacts are paged, then each appears exactly once and the last page has no cursor', async () => {
    const made: string[] = [];
    for (let i = 0; i < 7; i++) {
      made.push((await createContact(ctx, ws.id, { name: `Customer ${i}` }, system)).id);
      if (i % 3 === 0) ctx.clock.advance(1000);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listContacts(ctx, ws.id, { limit: 3, cursor });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(made));
  });

  it('when a cursor is not one the list gave out, then INVALID_CURSOR', async () => {
    await expect(listContacts(ctx, ws.id, { limit: 3, cursor: 'garbage' })).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
  });
});
