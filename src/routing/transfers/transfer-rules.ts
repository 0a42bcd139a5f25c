/**
 * Who may do what with a warm transfer. Pure.
 * - Asking: the conversation's owner, or a manager; never to oneself; a reason is required.
 * - Accepting: the agent it was sent to, any member of the team it was sent to, or a manager.
 * - Declining: the same people as accepting; cancelling: whoever asked, or a manager.
 */
import { AppError, type Role } from '../../kernel/index.ts';

export type TransferStatus = 'pending' | 'accepted' | 'declined' | 'cancelled';

export interface TransferRequest {
  id: string;
  conversationId: string;
  fromAgentId: string | null;
  /** Who asked: the owner, or a supervisor handing over someone else's conversation. */
  requestedBy: string | null;
  toAgentId: string | null;
  toTeamId: string | null;
  reason: string;
  status: TransferStatus;
  createdAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  declineReason: string | null;
}

export interface Caller {
  agentId: string;
  role: Role;
  teamIds: readonly string[];
}

const isManager = (caller: Caller) => caller.role === 'admin' || caller.role === 'supervisor';

export function assertMayRequest(caller: Caller, ownerId: string | null, target: { toAgentId: string | null; toTeamId: string | null }, reason: string): void {
  if (!target.toAgentId && !target.toTeamId) throw new AppError('VALIDATION_FAILED', 'give toAgentId or toTeamId');
  if (!reason.trim()) throw new AppError('TRANSFER_REASON_REQUIRED', 'say why the conversation should move: the next agent reads it');
  if (ownerId !== caller.agentId && !isManager(caller)) throw new AppError('FORBIDDEN', 'only the owner or a supervisor can hand this conversation over');
  if (target.toAgentId && target.toAgentId === ownerId) throw new AppError('VALIDATION_FAILED', 'the conversation is already theirs');
}

export function mayAnswer(caller: Caller, request: TransferRequest): boolean {
  if (isManager(caller)) return true;
  if (request.toAgentId) return request.toAgentId === caller.agentId;
  return request.toTeamId !== null && caller.teamIds.includes(request.toTeamId);
}

export function assertPending(request: TransferRequest): void {
  if (request.status !== 'pending') throw new AppError('TRANSFER_NOT_PENDING', `this transfer was already ${request.status}`);
}
