/** Decisions for the assign and transfer controls; the server takes `{ ownerId?, teamId?, reason? }`. */

export interface AssignBody {
  ownerId?: string | null;
  teamId?: string | null;
  reason?: string;
}

/** Taking a conversation away from the agent who has it needs a reason; picking up an unassigned one does not. */
export function assignmentNeedsReason(currentOwnerId: string | null, targetOwnerId: string): boolean {
  return currentOwnerId !== null && currentOwnerId !== targetOwnerId;
}

export type AssignCheck = { ok: true; body: AssignBody } | { ok: false; problem: 'pickTarget' | 'reasonRequired' };

export function checkAssign(currentOwnerId: string | null, targetOwnerId: string, reason: string): AssignCheck {
  if (!targetOwnerId) return { ok: false, problem: 'pickTarget' };
  const trimmed = reason.trim();
  if (assignmentNeedsReason(currentOwnerId, targetOwnerId) && !trimmed) return { ok: false, problem: 'reasonRequired' };
  return { ok: true, body: trimmed ? { ownerId: targetOwnerId, reason: trimmed } : { ownerId: targetOwnerId } };
}

export type TransferTarget = { kind: 'agent'; agentId: string } | { kind: 'team'; teamId: string };

/**
 * A transfer always carries a reason. To an agent: they become the owner (the team stays). To a
 * team: the team changes and the owner is cleared, so the new team picks it up.
 */
export function checkTransfer(target: TransferTarget, reason: string): AssignCheck {
  const trimmed = reason.trim();
  const id = target.kind === 'agent' ? target.agentId : target.teamId;
  if (!id) return { ok: false, problem: 'pickTarget' };
  if (!trimmed) return { ok: false, problem: 'reasonRequired' };
  return {
    ok: true,
    body: target.kind === 'agent' ? { ownerId: target.agentId, reason: trimmed } : { teamId: target.teamId, ownerId: null, reason: trimmed },
  };
}
