/**
 * Collects what the brief is written from: the customer, the conversation, what triage read, the
 * transcript and the transfers so far. Read-only.
 */
import { getAgent, getTeam } from '../../accounts/index.ts';
import { getContact } from '../../contacts/index.ts';
import { getConversation, listConversations, listMessages, type Message } from '../../conversations/index.ts';
import { readEvents, type CommandContext } from '../../platform/outbox/index.ts';
import type { BriefInput, BriefTransfer } from '../brief/index.ts';
import { listReadings } from '../readings/reading-store.ts';

/** Enough transcript for any brief; the builder and the endpoint prompt pick from it. */
const maxMessages = 400;

async function nameOf(ctx: CommandContext, workspaceId: string, who: { agentId?: string | null; teamId?: string | null }): Promise<string | null> {
  if (who.agentId) return (await getAgent(ctx, workspaceId, who.agentId).catch(() => null))?.name ?? null;
  if (who.teamId) return (await getTeam(ctx, workspaceId, who.teamId).catch(() => null))?.name ?? null;
  return null;
}

async function transcript(ctx: CommandContext, workspaceId: string, conversationId: string): Promise<Message[]> {
  const messages: Message[] = [];
  let cursor: string | undefined;
  do {
    const page = await listMessages(ctx, workspaceId, conversationId, { limit: 200, cursor });
    messages.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && messages.length < maxMessages);
  return messages;
}

async function transfers(ctx: CommandContext, workspaceId: string, conversationId: string): Promise<BriefTransfer[]> {
  const events = await readEvents(ctx.db, { workspaceId, subjectId: conversationId, types: ['conversation.assigned'], limit: 200 });
  const moves: BriefTransfer[] = [];
  for (const event of events) {
    const p = event.payload as { fromOwnerId: string | null; toOwnerId: string | null; fromTeamId: string | null; toTeamId: string | null; reason: string | null; transfer: boolean };
    if (!p.transfer) continue;
    const from = (await nameOf(ctx, workspaceId, { agentId: p.fromOwnerId, teamId: p.fromTeamId })) ?? '—';
    const to = (await nameOf(ctx, workspaceId, p.toOwnerId !== p.fromOwnerId && p.toOwnerId ? { agentId: p.toOwnerId } : { teamId: p.toTeamId })) ?? '—';
    moves.push({ from, to, reason: p.reason ?? '', at: event.occurredAt });
  }
  return moves;
}

export async function gatherBriefInput(ctx: CommandContext, workspaceId: string, conversationId: string): Promise<BriefInput> {
  const conversation = await getConversation(ctx, workspaceId, conversationId);
  const contact = await getContact(ctx, workspaceId, conversation.contactId);
  const history = await listConversations(ctx, workspaceId, { contactId: contact.id, limit: 200 });
  const readings = await listReadings(ctx.db, workspaceId, conversationId);
  const authors = new Map<string, string | null>();
  const messages = await transcript(ctx, workspaceId, conversationId);
  for (const m of messages) {
    if (m.author.type === 'agent' && !authors.has(m.author.id)) authors.set(m.author.id, await nameOf(ctx, workspaceId, { agentId: m.author.id }));
  }
  const seen = new Set<string>();
  const facts = readings.flatMap((r) => r.facts).filter((f) => !seen.has(`${f.kind}:${f.value}`) && seen.add(`${f.kind}:${f.value}`));
  const firstRead = readings.find((r) => r.language !== 'und');
  const tier = contact.attributes.tier;
  return {
    customer: {
      name: contact.name, tier: typeof tier === 'string' ? tier : null, identities: contact.identities.map((i) => ({ kind: i.kind, value: i.value })),
      earlierConversations: history.items.filter((c) => c.createdAt < conversation.createdAt).length, contactSince: contact.createdAt,
    },
    conversation: {
      number: conversation.number, channel: conversation.channel, status: conversation.status, priority: conversation.priority,
      language: conversation.language, tags: conversation.tags, createdAt: conversation.createdAt,
      ownerName: await nameOf(ctx, workspaceId, { agentId: conversation.ownerId }), teamName: await nameOf(ctx, workspaceId, { teamId: conversation.teamId }),
    },
    triage: {
      language: firstRead?.language ?? conversation.language, dialect: firstRead?.dialect ?? null,
      intent: conversation.intent ? { label: conversation.intent, confidence: conversation.intentConfidence ?? 1 } : null,
      sentiment: conversation.sentiment ? { label: conversation.sentiment, score: conversation.sentimentScore ?? 0 } : null,
      urgency: conversation.urgency ? { level: conversation.urgency, reasons: conversation.urgencyReasons } : null,
      facts: facts.map((f) => ({ kind: f.kind, value: f.value })),
    },
    messages: messages.map((m) => ({
      seq: m.seq, kind: m.kind, body: m.body, createdAt: m.createdAt,
      authorName: m.author.type === 'agent' ? (authors.get(m.author.id) ?? null) : null,
    })),
    transfers: await transfers(ctx, workspaceId, conversationId),
    now: ctx.clock(),
  };
}
