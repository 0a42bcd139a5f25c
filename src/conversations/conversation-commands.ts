import { getAgent, getTeam } from '../accounts/index.ts';
import { createContactIn, findOrCreateContactIn, getContactIn, type ContactInput, type Identity } from '../contacts/index.ts';
import { AppError, type Actor } from '../kernel/index.ts';
import { transact, type CommandContext, type Tx } from '../platform/outbox/index.ts';
import { assertTransferReason, decideStatusChange, isTransfer, normalizeTags, type Channel, type ConversationStatus, type Priority } from './conversation-rules.ts';
import { findConversation, insertConversation, nextConversationNumber, saveConversation, type Conversation } from './conversation-store.ts';
import { appendMessageIn, type MessageInput } from './message-commands.ts';
import { mergeReading, sameReading, type ReadingChange } from './reading-rules.ts';

export interface NewConversationInput {
  /** An existing contact, or an identity to find or create one by. */
  contactId?: string;
  contact?: ContactInput & { identity?: Identity };
  channel: Channel;
  subject?: string | null;
  language?: string | null;
  priority?: Priority;
  teamId?: string | null;
  tags?: string[];
  /** The first message, usually the customer's. */
  message?: MessageInput;
}

export async function loadForUpdate(tx: Tx, workspaceId: string, id: string): Promise<Conversation> {
  const conversation = await findConversation(tx.sql, workspaceId, id, true);
  if (!conversation) throw new AppError('CONVERSATION_NOT_FOUND', 'no such conversation');
  return conversation;
}

async function resolveContactId(tx: Tx, workspaceId: string, input: NewConversationInput, actor: Actor): Promise<string> {
  if (input.contactId) return (await getContactIn(tx, workspaceId, input.contactId)).id;
  if (input.contact?.identity) {
    const { identity, ...defaults } = input.contact;
    return (await findOrCreateContactIn(tx, workspaceId, identity, defaults, actor)).id;
  }
  if (input.contact) return (await createContactIn(tx, workspaceId, input.contact, actor)).id;
  throw new AppError('VALIDATION_FAILED', 'give contactId or contact');
}

export async function startConversation(ctx: CommandContext, workspaceId: string, input: NewConversationInput, actor: Actor): Promise<Conversation> {
  if (input.teamId) await getTeam(ctx, workspaceId, input.teamId);
  return transact(ctx, async (tx) => startConversationIn(tx, workspaceId, input, actor));
}

/** Inside a channel's own transaction (email stores the mail's state with it); the team is checked by the caller. */
export async function startConversationIn(tx: Tx, workspaceId: string, input: NewConversationInput, actor: Actor): Promise<Conversation> {
  const contactId = await resolveContactId(tx, workspaceId, input, actor);
  let conversation: Conversation = {
    id: tx.newId(), workspaceId, number: await nextConversationNumber(tx.sql, workspaceId), contactId, channel: input.channel,
    status: 'open', priority: input.priority ?? 'normal', ownerId: null, teamId: input.teamId ?? null, tags: normalizeTags(input.tags ?? []),
    subject: input.subject?.trim() || null, language: input.language ?? null, lastSeq: 0, createdAt: tx.now, updatedAt: tx.now,
    lastActivityAt: tx.now, firstResponseAt: null, resolvedAt: null, closedAt: null,
    intent: null, intentConfidence: null, intentSource: null, sentiment: null, sentimentScore: null, urgency: null, urgencyScore: null, urgencyReasons: [],
  };
  await insertConversation(tx.sql, conversation);
  tx.emit({
    type: 'conversation.created', workspaceId, subjectType: 'conversation', subjectId: conversation.id, actor,
    payload: { number: conversation.number, channel: conversation.channel, contactId, teamId: conversation.teamId, priority: conversation.priority },
  });
  if (input.message) conversation = (await appendMessageIn(tx, conversation, input.message, actor)).conversation;
  return conversation;
}

/**
 * Records a change on the team's timeline as an internal line written by Sanad. It is a note so
 * that it never reaches the customer: status wording and transfer reasons are for the team; the
 * customer hears of changes through their own view (who helps them, a closed chat).
 */
async function timelineNote(tx: Tx, conversation: Conversation, body: string): Promise<Conversation> {
  return (await appendMessageIn(tx, conversation, { kind: 'note', body }, { type: 'system' })).conversation;
}

export async function changeStatus(
  ctx: CommandContext, workspaceId: string, id: string, to: ConversationStatus, actor: Actor,
): Promise<Conversation> {
  return transact(ctx, async (tx) => {
    const current = await loadForUpdate(tx, workspaceId, id);
    const decision = decideStatusChange(current.status, to);
    if (!decision.change) return current;
    // The line goes in first, while the conversation still takes lines (a closed one takes none).
    const noted = await timelineNote(tx, current, `status: ${decision.from} → ${to}`);
    const next: Conversation = {
      ...noted, status: to, updatedAt: tx.now, lastActivityAt: tx.now,
      resolvedAt: to === 'resolved' ? tx.now : to === 'open' ? null : current.resolvedAt,
      closedAt: to === 'closed' ? tx.now : null,
    };
    await saveConversation(tx.sql, next);
    tx.emit({ type: 'conversation.status_changed', workspaceId, subjectType: 'conversation', subjectId: id, actor, payload: { from: decision.from, to } });
    return next;
  });
}

export interface AssignmentInput {
  ownerId?: string | null;
  teamId?: string | null;
  reason?: string;
}

/** Gives the conversation an owner and/or a team. The new owner must be an active agent. */
export async function assignConversation(ctx: CommandContext, workspaceId: string, id: string, input: AssignmentInput, actor: Actor): Promise<Conversation> {
  const names = await assignmentNames(ctx, workspaceId, input);
  return transact(ctx, (tx) => assignConversationIn(tx, workspaceId, id, input, names, actor));
}

export interface AssignmentNames {
  owner: { id: string; name: string } | null;
  team: { id: string; name: string } | null;
}

/** Checks the new owner and team exist (and the owner is active) and names them for the timeline. */
export async function assignmentNames(ctx: CommandContext, workspaceId: string, input: AssignmentInput): Promise<AssignmentNames> {
  const owner = input.ownerId ? await getAgent(ctx, workspaceId, input.ownerId) : null;
  if (owner && !owner.active) throw new AppError('AGENT_INACTIVE', `${owner.name} is deactivated and cannot own conversations`);
  const team = input.teamId ? await getTeam(ctx, workspaceId, input.teamId) : null;
  return { owner, team };
}

/** The assignment inside the caller's transaction, with names checked beforehand by `assignmentNames`. */
export async function assignConversationIn(tx: Tx, workspaceId: string, id: string, input: AssignmentInput, names: AssignmentNames, actor: Actor): Promise<Conversation> {
  const { owner, team } = names;
  const current = await loadForUpdate(tx, workspaceId, id);
  if (current.status === 'closed') throw new AppError('CONVERSATION_CLOSED', 'a closed conversation cannot be reassigned');
  const ownerId = input.ownerId === undefined ? current.ownerId : input.ownerId;
  const teamId = input.teamId === undefined ? current.teamId : input.teamId;
  if (ownerId === current.ownerId && teamId === current.teamId) return current;
  assertTransferReason(current, { ownerId, teamId }, input.reason);
  const transfer = isTransfer(current, { ownerId, teamId });
  let next: Conversation = { ...current, ownerId, teamId, updatedAt: tx.now };
  await saveConversation(tx.sql, next);
  const parts = [
    ownerId !== current.ownerId ? (owner ? `assigned to ${owner.name}` : 'unassigned') : null,
    teamId !== current.teamId ? (team ? `team: ${team.name}` : 'no team') : null,
  ].filter(Boolean);
  next = await timelineNote(tx, next, parts.join(', ') + (input.reason ? ` (${input.reason})` : ''));
  tx.emit({
    type: 'conversation.assigned', workspaceId, subjectType: 'conversation', subjectId: id, actor,
    payload: { fromOwnerId: current.ownerId, toOwnerId: ownerId, fromTeamId: current.teamId, toTeamId: teamId, reason: input.reason ?? null, transfer },
  });
  return next;
}

/** A line on the timeline written by Sanad: a note for the team, or a system line the customer sees too. */
export async function addLineIn(tx: Tx, workspaceId: string, id: string, kind: 'note' | 'system', body: string): Promise<Conversation> {
  const current = await loadForUpdate(tx, workspaceId, id);
  return (await appendMessageIn(tx, current, { kind, body }, { type: 'system' })).conversation;
}

export interface ConversationChange {
  priority?: Priority;
  tags?: string[];
  subject?: string | null;
  language?: string | null;
}

export async function changeConversation(ctx: CommandContext, workspaceId: string, id: string, change: ConversationChange, actor: Actor): Promise<Conversation> {
  return transact(ctx, (tx) => changeConversationIn(tx, workspaceId, id, change, actor));
}

/** The change inside the caller's transaction (an SLA escalation raises priority with the step that did it). */
export async function changeConversationIn(tx: Tx, workspaceId: string, id: string, change: ConversationChange, actor: Actor): Promise<Conversation> {
  const current = await loadForUpdate(tx, workspaceId, id);
  const next: Conversation = {
    ...current,
    priority: change.priority ?? current.priority,
    tags: change.tags ? normalizeTags(change.tags) : current.tags,
    subject: change.subject === undefined ? current.subject : change.subject?.trim() || null,
    language: change.language === undefined ? current.language : change.language,
    updatedAt: tx.now,
  };
  await saveConversation(tx.sql, next);
  tx.emit({ type: 'conversation.updated', workspaceId, subjectType: 'conversation', subjectId: id, actor, payload: { change } });
  return next;
}

/**
 * Records what triage (or an agent) read in the conversation, inside the caller's transaction so
 * the reading and the event that announces it commit together. Unchanged readings write nothing.
 * `change` may be a function of the locked row, for proposals that depend on what is there.
 */
export async function recordReadingIn(
  tx: Tx, workspaceId: string, id: string, change: ReadingChange | ((current: Conversation) => ReadingChange), actor: Actor,
): Promise<{ conversation: Conversation; changed: boolean }> {
  const current = await loadForUpdate(tx, workspaceId, id);
  const reading = mergeReading(current, typeof change === 'function' ? change(current) : change);
  if (sameReading(current, reading)) return { conversation: current, changed: false };
  const next: Conversation = { ...current, ...reading, updatedAt: tx.now };
  await saveConversation(tx.sql, next);
  tx.emit({
    type: 'conversation.read', workspaceId, subjectType: 'conversation', subjectId: id, actor,
    payload: { intent: next.intent, intentSource: next.intentSource, sentiment: next.sentiment, urgency: next.urgency, urgencyScore: next.urgencyScore },
  });
  return { conversation: next, changed: true };
}
