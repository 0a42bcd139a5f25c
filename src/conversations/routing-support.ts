/**
 * What the routing engine reads from conversations, and the one guarded write it makes: giving a
 * waiting conversation to an agent only if it is still waiting and the agent still has room.
 */
import type { Actor } from '../kernel/index.ts';
import type { QueryContext, Tx } from '../platform/outbox/index.ts';
import type { Sql } from '../platform/db/index.ts';
import { appendMessageIn } from './message-commands.ts';
import { findConversation, saveConversation, toConversation, type Conversation } from './conversation-store.ts';

/** Open conversations nobody owns, oldest first: the work routing hands out. */
export async function listWaitingConversations(ctx: QueryContext, workspaceId: string, limit = 100_000): Promise<Conversation[]> {
  const rows = await ctx.db.query(
    "select * from conversations where workspace_id = $1 and status = 'open' and owner_id is null order by created_at, id limit $2",
    [workspaceId, limit],
  );
  return rows.map(toConversation);
}

/** Conversations each agent holds (open or waiting on the customer), per channel. */
export async function loadByOwner(sql: Sql, workspaceId: string, ownerId?: string): Promise<Map<string, Record<string, number>>> {
  const rows = await sql.query<{ owner_id: string; channel: string; n: number }>(
    `select owner_id, channel, count(*)::int as n from conversations
     where workspace_id = $1 and status in ('open', 'pending') and owner_id is not null and ($2::uuid is null or owner_id = $2)
     group by owner_id, channel`,
    [workspaceId, ownerId ?? null],
  );
  const load = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const own = load.get(r.owner_id) ?? {};
    own[r.channel] = r.n;
    load.set(r.owner_id, own);
  }
  return load;
}

export async function ownerLoads(ctx: QueryContext, workspaceId: string): Promise<Map<string, Record<string, number>>> {
  return loadByOwner(ctx.db, workspaceId);
}

/** Agents who owned each contact's earlier conversations, most recent first. */
export async function previousOwners(ctx: QueryContext, workspaceId: string, contactIds: readonly string[]): Promise<Map<string, string[]>> {
  const owners = new Map<string, string[]>();
  if (contactIds.length === 0) return owners;
  const rows = await ctx.db.query<{ contact_id: string; owner_id: string }>(
    `select contact_id, owner_id from (
       select contact_id, owner_id, max(created_at) as at from conversations
       where workspace_id = $1 and contact_id = any($2) and owner_id is not null group by contact_id, owner_id) o
     order by contact_id, at desc`,
    [workspaceId, contactIds],
  );
  for (const r of rows) owners.set(r.contact_id, [...(owners.get(r.contact_id) ?? []), r.owner_id]);
  return owners;
}

export interface ClaimInput {
  conversationId: string;
  agent: { id: string; name: string };
  /** Channels that share the agent's seat for this conversation's channel (e.g. whatsapp + sms). */
  sharedChannels: readonly string[];
  capacity: number;
  reason: string;
}

/**
 * Inside the caller's transaction: gives the conversation to the agent when it is still open and
 * unowned and the agent holds fewer than `capacity` on the shared channels. The caller takes a
 * per-agent lock first, so two workers cannot both fill an agent's last seat.
 */
export async function claimWaitingIn(tx: Tx, workspaceId: string, input: ClaimInput, actor: Actor): Promise<Conversation | null> {
  const current = await findConversation(tx.sql, workspaceId, input.conversationId, true);
  if (!current || current.status !== 'open' || current.ownerId !== null) return null;
  const held = (await loadByOwner(tx.sql, workspaceId, input.agent.id)).get(input.agent.id) ?? {};
  const used = input.sharedChannels.reduce((sum, channel) => sum + (held[channel] ?? 0), 0);
  if (used >= input.capacity) return null;
  let next: Conversation = { ...current, ownerId: input.agent.id, updatedAt: tx.now };
  await saveConversation(tx.sql, next);
  next = (await appendMessageIn(tx, next, { kind: 'note', body: `assigned to ${input.agent.name} (${input.reason})` }, { type: 'system' })).conversation;
  tx.emit({
    type: 'conversation.assigned', workspaceId, subjectType: 'conversation', subjectId: current.id, actor,
    payload: { fromOwnerId: null, toOwnerId: input.agent.id, fromTeamId: current.teamId, toTeamId: current.teamId, reason: input.reason, transfer: false },
  });
  return next;
}
