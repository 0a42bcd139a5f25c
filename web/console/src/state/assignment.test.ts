import { describe, expect, it } from 'vitest';
import { assignmentNeedsReason, checkAssign, checkTransfer } from './assignment';

describe('assign', () => {
  it('when nobody owns it, then no reason is needed', () => {
    expect(assignmentNeedsReason(null, 'a1')).toBe(false);
    expect(checkAssign(null, 'a1', '')).toEqual({ ok: true, body: { ownerId: 'a1' } });
  });
  it('when someone else owns it, then a reason is required', () => {
    expect(assignmentNeedsReason('a2', 'a1')).toBe(true);
    expect(checkAssign('a2', 'a1', '   ')).toEqual({ ok: false, problem: 'reasonRequired' });
    expect(checkAssign('a2', 'a1', ' busy ')).toEqual({ ok: true, body: { ownerId: 'a1', reason: 'busy' } });
  });
  it('when no agent is picked, then it is refused', () => {
    expect(checkAssign(null, '', '')).toEqual({ ok: false, problem: 'pickTarget' });
  });
});

describe('transfer', () => {
  it('always needs a reason', () => {
    expect(checkTransfer({ kind: 'agent', agentId: 'a1' }, '')).toEqual({ ok: false, problem: 'reasonRequired' });
    expect(checkTransfer({ kind: 'team', teamId: 't1' }, ' ')).toEqual({ ok: false, problem: 'reasonRequired' });
  });
  it('needs a target', () => {
    expect(checkTransfer({ kind: 'team', teamId: '' }, 'x')).toEqual({ ok: false, problem: 'pickTarget' });
  });
  it('to an agent sets the owner; to a team sets the team and clears the owner', () => {
    expect(checkTransfer({ kind: 'agent', agentId: 'a1' }, 'French speaker')).toEqual({ ok: true, body: { ownerId: 'a1', reason: 'French speaker' } });
    expect(checkTransfer({ kind: 'team', teamId: 't1' }, 'billing question')).toEqual({
      ok: true, body: { teamId: 't1', ownerId: null, reason: 'billing question' },
    });
  });
});
