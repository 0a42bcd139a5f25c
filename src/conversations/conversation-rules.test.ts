import { describe, expect, it } from 'vitest';
import { AppError } from '../kernel/index.ts';
import { assertTransferReason, conversationStatuses, decideMessageEffects, decideStatusChange, isTransfer, normalizeTags, type ConversationStatus } from './conversation-rules.ts';

const allowed: [ConversationStatus, ConversationStatus][] = [
  ['open', 'pending'],
  ['open', 'resolved'],
  ['pending', 'open'],
  ['pending', 'resolved'],
  ['resolved', 'open'],
  ['resolved', 'closed'],
];
const refused: [ConversationStatus, ConversationStatus][] = [
  ['open', 'closed'],
  ['pending', 'closed'],
  ['closed', 'open'],
  ['closed', 'pending'],
  ['closed', 'resolved'],
  ['resolved', 'pending'],
];

describe('conversation status machine', () => {
  it('when every pair of statuses is listed, then each is exactly one of allowed, refused or unchanged', () => {
    const pairs = conversationStatuses.flatMap((from) => conversationStatuses.map((to) => `${from}>${to}`));
    const covered = [...allowed, ...refused].map(([f, t]) => `${f}>${t}`).concat(conversationStatuses.map((s) => `${s}>${s}`));
    expect(covered.sort()).toEqual(pairs.sort());
  });

  it.each(allowed)('when a conversation moves from %s to %s, then the change is allowed', (from, to) => {
    expect(decideStatusChange(from, to)).toEqual({ change: true, from, to });
  });

  it.each(refused)('when a conversation is asked to move from %s to %s, then it is refused with INVALID_STATUS_TRANSITION', (from, to) => {
    let error: unknown;
    try {
      decideStatusChange(from, to);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('INVALID_STATUS_TRANSITION');
    expect((error as AppError).details).toEqual({ from, to });
  });

  it.each(conversationStatuses.map((s) => [s]))('when a %s conversation is asked for the status it has, then nothing changes', (status) => {
    expect(decideStatusChange(status, status)).toEqual({ change: false });
  });
});

describe('effects of a new message', () => {
  it.each([['pending'], ['resolved']] as const)('when the customer writes to a %s conversation, then it reopens', (status) => {
    expect(decideMessageEffects({ status, firstResponseAt: null }, 'customer').statusChange).toEqual({ change: true, from: status, to: 'open' });
  });

  it('when the customer writes to an open conversation, then its status stays', () => {
    expect(decideMessageEffects({ status: 'open', firstResponseAt: null }, 'customer').statusChange).toEqual({ change: false });
  });

  it.each([['agent'], ['note'], ['bot'], ['system']] as const)('when a %s line is added to a resolved conversation, then it stays resolved', (kind) => {
    expect(decideMessageEffects({ status: 'resolved', firstResponseAt: null }, kind).statusChange).toEqual({ change: false });
  });

  it.each([['customer'], ['agent'], ['note'], ['bot']] as const)('when a %s line is written to a closed conversation, then it is refused with CONVERSATION_CLOSED', (kind) => {
    expect(() => decideMessageEffects({ status: 'closed', firstResponseAt: null }, kind)).toThrow(expect.objectContaining({ code: 'CONVERSATION_CLOSED' }));
  });

  it('when Sanad records a system line on a closed conversation, then it is accepted without a status change', () => {
    expect(decideMessageEffects({ status: 'closed', firstResponseAt: null }, 'system').statusChange).toEqual({ change: false });
  });

  it('when the first agent reply arrives, then it counts as the first response; later ones and notes do not', () => {
    expect(decideMessageEffects({ status: 'open', firstResponseAt: null }, 'agent').firstResponse).toBe(true);
    expect(decideMessageEffects({ status: 'open', firstResponseAt: new Date() }, 'agent').firstResponse).toBe(false);
    expect(decideMessageEffects({ status: 'open', firstResponseAt: null }, 'note').firstResponse).toBe(false);
  });
});

describe('tags', () => {
  it('when tags repeat in other cases or with spaces, then each is kept once, lower-case', () => {
    expect(normalizeTags([' VIP', 'vip', 'refund ', '', 'Refund'])).toEqual(['vip', 'refund']);
  });
});

describe('transfers', () => {
  const owned = { ownerId: 'a1', teamId: 't1' };
  it('when an unowned conversation gets its first owner, then it is an assignment, not a transfer', () => {
    expect(isTransfer({ ownerId: null, teamId: 't1' }, { ownerId: 'a1', teamId: 't1' })).toBe(false);
  });
  it.each([
    ['another agent', { ownerId: 'a2', teamId: 't1' }],
    ['another team', { ownerId: 'a1', teamId: 't2' }],
    ['back to the queue', { ownerId: null, teamId: 't1' }],
  ])('when an owned conversation goes to %s, then it is a transfer and needs a reason', (_label, next) => {
    expect(isTransfer(owned, next)).toBe(true);
    expect(() => assertTransferReason(owned, next, undefined)).toThrow(expect.objectContaining({ code: 'TRANSFER_REASON_REQUIRED' }));
    expect(() => assertTransferReason(owned, next, '  ')).toThrow(expect.objectContaining({ code: 'TRANSFER_REASON_REQUIRED' }));
    expect(() => assertTransferReason(owned, next, 'needs billing access')).not.toThrow();
  });
});
