import { describe, expect, it } from 'vitest';
import { effectivePriority, rankItems, waitedSeconds } from './item-priority-rules.ts';
import { resolvePolicy } from './routing-policy-rules.ts';
import { item, NOW, secondsAgo } from './routing-fixtures.test-data.ts';

const policy = resolvePolicy();

describe('effectivePriority', () => {
  it('when an item has just arrived, then its effective priority is its priority level', () => {
    expect(['low', 'normal', 'high', 'urgent'].map((p) => effectivePriority(item('a', { priority: p as 'low' }), NOW, policy))).toEqual([0, 1, 2, 3]);
  });

  it('when a low-priority chat has waited three ageing periods, then it ranks with a fresh urgent chat', () => {
    const low = item('low', { priority: 'low', enqueuedAt: secondsAgo(3 * 60) });
    expect(effectivePriority(low, NOW, policy)).toBe(effectivePriority(item('urgent', { priority: 'urgent' }), NOW, policy));
  });

  it('when an email and a chat have waited as long, then the chat has aged more', () => {
    const chat = effectivePriority(item('c', { enqueuedAt: secondsAgo(600) }), NOW, policy);
    const email = effectivePriority(item('e', { channel: 'email', enqueuedAt: secondsAgo(600) }), NOW, policy);
    expect(chat).toBeGreaterThan(email);
  });

  it('when triage says the customer is urgent, or the customer is in a boosted tier, then it ranks higher', () => {
    const tiered = resolvePolicy({ tierLevels: { vip: 1.5 } });
    expect(effectivePriority(item('a', { urgency: 1 }), NOW, policy)).toBe(2);
    expect(effectivePriority(item('a', { customerTier: 'vip' }), NOW, tiered)).toBe(2.5);
    expect(effectivePriority(item('a', { customerTier: 'unknown' }), NOW, tiered)).toBe(1);
  });

  it('when an item is due within the due-soon window, or overdue, then it jumps ahead; later, it does not', () => {
    expect(effectivePriority(item('a', { dueAt: new Date(NOW.getTime() + 60_000) }), NOW, policy)).toBe(3);
    expect(effectivePriority(item('a', { dueAt: secondsAgo(60) }), NOW, policy)).toBe(3);
    expect(effectivePriority(item('a', { dueAt: new Date(NOW.getTime() + 3_600_000) }), NOW, policy)).toBe(1);
  });

  it('when an item is stamped in the future by clock skew, then it has waited zero seconds', () => {
    expect(waitedSeconds(item('a', { enqueuedAt: new Date(NOW.getTime() + 5000) }), NOW)).toBe(0);
  });
});

describe('rankItems', () => {
  it('when items tie on effective priority, then the longest waiting comes first, then the smaller id', () => {
    const ranked = rankItems([item('b'), item('a'), item('old', { priority: 'low', enqueuedAt: secondsAgo(60) }), item('hi', { priority: 'high' })], NOW, policy);
    expect(ranked.map((r) => r.item.id)).toEqual(['hi', 'old', 'a', 'b']);
  });
});

describe('resolvePolicy', () => {
  it('when only some weights are given, then the others keep their defaults', () => {
    const p = resolvePolicy({ weights: { load: 5 }, ageingSecondsPerLevel: { chat: 30 }, previousAgentHoldSeconds: undefined });
    expect(p.weights).toMatchObject({ load: 5, language: 10, previousAgent: 40 });
    expect(p.ageingSecondsPerLevel).toMatchObject({ chat: 30, email: 1800 });
    expect(p.previousAgentHoldSeconds).toBe(30);
  });
});
