/**
 * Warm transfers: the owner asks a colleague or a team to take over with a reason; the conversation
 * stays with the owner until someone accepts. Accepting moves it in one transaction (so two team
 * members accepting at once cannot both win), tells the customer who they now talk to, and the
 * assignment event carries the hand-off brief and the triage label like any transfer.
 */
import { getAgent, getTeam } from '../../accounts/index.ts';
import { addLineIn, assignConversationIn, assignmentNames, getConversation } from '../../conversations/index.ts';
import { AppError, type Actor } from '../../kernel/index.ts';
import { transact, type CommandContext } from '../../platform/outbox/index.ts';
import { assertMayRequest, assertPending, mayAnswer, type Caller, type TransferRequest } from './transfer-rules.ts';
import { decideTransfer, findTransfer, insertTransfer } from './transfer-store.ts';

export interface TransferInput {
  toAgentId?: string | null | undefined;
  toTeamId?: string | null | undefined;
  reason: string;
}

const actorOf = (caller: Caller): Actor => ({ type: 'agent', id: caller.agentId });

/** What the customer is told, in their language when we know it is Arabic. */
function nowTalkingTo(name: string, language: string | null): string {
  return language?.startsWith('ar') ? `أنت الآن تتحدث مع ${name}.` : `You are now talking to ${name}.`;
}

export async function requestTransfer(ctx: CommandContext, workspaceId: string, conversationId: string, input: TransferInput, caller: Caller): Promise<TransferRequest> {
  const conversation = await getConversation(ctx, workspaceId, conversationId);
  const target = { toAgentId: input.toAgentId ?? null, toTeamId: input.toTeamId ?? null };
  assertMayRequest(caller, conversation.ownerId, target, input.reason);
  if (conversation.status === 'closed') throw new AppError('CONVERSATION_CLOSED', 'a closed conversation cannot be handed over');
  const agent = target.toAgentId ? await getAgent(ctx, workspaceId, target.toAgentId) : null;
  if (agent && !agent.active) throw new AppError('AGENT_INACTIVE', `${agent.name} is deactivated`);
  const team = target.toTeamId ? await getTeam(ctx, workspaceId, target.toTeamId) : null;
  return transact(ctx, async (tx) => {
    const request: TransferRequest = {
      id: tx.newId(), conversationId, fromAgentId: conversation.ownerId, requestedBy: caller.agentId, ...target, reason: input.reason.trim(), status: 'pending',
      createdAt: tx.now, decidedAt: null, decidedBy: null, declineReason: null,
    };
    if (!(await insertTransfer(tx.sql, workspaceId, request))) throw new AppError('TRANSFER_PENDING', 'a transfer of this conversation is already waiting for an answer');
    await addLineIn(tx, workspaceId, conversationId, 'note', `transfer requested to ${agent?.name ?? team?.name} (${request.reason}); stays with its owner until accepted`);
    tx.emit({
      type: 'transfer.requested', workspaceId, subjectType: 'conversation', subjectId: conversationId, actor: actorOf(caller),
      payload: { transferId: request.id, toAgentId: request.toAgentId, toTeamId: request.toTeamId },
    });
    return request;
  });
}

async function load(ctx: CommandContext, workspaceId: string, id: string): Promise<TransferRequest> {
  const request = await findTransfer(ctx.db, workspaceId, id);
  if (!request) throw new AppError('TRANSFER_NOT_FOUND', 'no such transfer');
  return request;
}

export async function acceptTransfer(ctx: CommandContext, workspaceId: string, id: string, caller: Caller): Promise<TransferRequest> {
  const seen = await load(ctx, workspaceId, id);
  if (!mayAnswer(caller, seen)) throw new AppError('FORBIDDEN', 'this transfer was sent to someone else');
  const input = { ownerId: caller.agentId, ...(seen.toTeamId ? { teamId: seen.toTeamId } : {}), reason: seen.reason };
  const names = await assignmentNames(ctx, workspaceId, input);
  return transact(ctx, async (tx) => {
    const request = (await findTransfer(tx.sql, workspaceId, id, true)) as TransferRequest;
    assertPending(request);
    const moved = await assignConversationIn(tx, workspaceId, request.conversationId, input, names, actorOf(caller));
    await addLineIn(tx, workspaceId, moved.id, 'system', nowTalkingTo((names.owner as { name: string }).name, moved.language));
    await decideTransfer(tx.sql, id, 'accepted', caller.agentId, tx.now, null);
    tx.emit({ type: 'transfer.accepted', workspaceId, subjectType: 'conversation', subjectId: moved.id, actor: actorOf(caller), payload: { transferId: id } });
    return { ...request, status: 'accepted', decidedAt: tx.now, decidedBy: caller.agentId };
  });
}

export async function declineTransfer(ctx: CommandContext, workspaceId: string, id: string, caller: Caller, reason: string | null, as: 'declined' | 'cancelled'): Promise<TransferRequest> {
  const seen = await load(ctx, workspaceId, id);
  const allowed = as === 'declined' ? mayAnswer(caller, seen) : seen.requestedBy === caller.agentId || seen.fromAgentId === caller.agentId || caller.role !== 'agent';
  if (!allowed) throw new AppError('FORBIDDEN', as === 'declined' ? 'this transfer was sent to someone else' : 'only who asked, or a supervisor, can cancel it');
  return transact(ctx, async (tx) => {
    const request = (await findTransfer(tx.sql, workspaceId, id, true)) as TransferRequest;
    assertPending(request);
    await decideTransfer(tx.sql, id, as, caller.agentId, tx.now, reason);
    await addLineIn(tx, workspaceId, request.conversationId, 'note', `transfer ${as}${reason ? ` (${reason})` : ''}; the conversation stays with its owner`);
    tx.emit({ type: `transfer.${as}`, workspaceId, subjectType: 'conversation', subjectId: request.conversationId, actor: actorOf(caller), payload: { transferId: id } });
    return { ...request, status: as, decidedAt: tx.now, decidedBy: caller.agentId, declineReason: reason };
  });
}
