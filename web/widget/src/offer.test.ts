import { describe, expect, it } from 'vitest';
import { callbackSlots, shouldOffer, slotLabel } from './offer.ts';
import { parseServerFrame } from './protocol.ts';
import { strings } from './strings.ts';

describe('the offer instead of holding', () => {
  it('when the predicted wait crosses the threshold, then the offer shows; at or under it, or without a basis, it does not', () => {
    const q = (estimatedWaitSeconds: number | null, offerAfterSeconds: number | null = 120, position: number | null = 3) => ({ position, estimatedWaitSeconds, offerAfterSeconds });
    expect(shouldOffer(q(119))).toBe(false);
    expect(shouldOffer(q(120))).toBe(false);
    expect(shouldOffer(q(121))).toBe(true);
    expect(shouldOffer(q(null))).toBe(false);
    expect(shouldOffer(q(600, null))).toBe(false);
    expect(shouldOffer({ position: 2, estimatedWaitSeconds: 600 })).toBe(false);
    expect(shouldOffer(q(600, 120, null))).toBe(false);
  });

  it('when a queue frame carries the threshold, then the widget reads it (queue frames were dropped before)', () => {
    const frame = parseServerFrame(JSON.stringify({ type: 'queue', conversationId: 'c', position: 4, agentsOnline: 1, estimatedWaitSeconds: 300, offerAfterSeconds: 120 }));
    expect(frame).toMatchObject({ type: 'queue', position: 4, offerAfterSeconds: 120 });
    expect(shouldOffer(frame as Parameters<typeof shouldOffer>[0])).toBe(true);
  });

  it('when the visitor picks a time, then the windows are half hours from at least 15 minutes ahead, today and tomorrow, in their own clock', () => {
    const now = new Date(2026, 10, 23, 17, 50);
    const slots = callbackSlots(now);
    expect(slots[0]).toEqual({ start: new Date(2026, 10, 23, 18, 30), end: new Date(2026, 10, 23, 19, 0), day: 0 });
    expect(slots.filter((s) => s.day === 0)).toHaveLength(7);
    expect(slots.filter((s) => s.day === 1)[0]!.start).toEqual(new Date(2026, 10, 24, 8, 0));
    expect(callbackSlots(new Date(2026, 10, 23, 23, 0)).every((s) => s.day === 1)).toBe(true);
  });

  it('when shown in Arabic, then the words and digits are Arabic', () => {
    const slot = { start: new Date(2026, 10, 23, 18, 0), end: new Date(2026, 10, 23, 18, 30), day: 0 };
    expect(slotLabel('en', slot, strings.en)).toBe('Today 18:00–18:30');
    const ar = slotLabel('ar', { ...slot, day: 1 }, strings.ar);
    expect(ar.startsWith('غدًا ')).toBe(true);
    expect(ar).toContain(new Intl.NumberFormat('ar').format(18));
    for (const key of ['offerIntro', 'offerCallback', 'offerEmail', 'phone', 'callWhen', 'requestCall', 'offerFailed', 'emailDone'] as const) {
      expect(strings.ar[key]).toMatch(/[\u0600-\u06ff]/);
      expect(strings.ar[key]).not.toBe(strings.en[key]);
    }
    expect(strings.ar.emailDone).toContain('{email}');
  });
});
