import { describe, expect, it } from 'vitest';
import { assertCallbackWindow, confirmationText, decideCallbackChange, isMissed } from './callback-rules.ts';

const now = new Date('2026-11-23T12:00:00Z');
const at = (iso: string) => new Date(iso);
const code = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('the window a callback promises', () => {
  it('when the window is sound, then it is accepted, even if it has already begun', () => {
    expect(code(() => assertCallbackWindow({ windowStart: at('2026-11-23T15:00:00Z'), windowEnd: at('2026-11-23T15:30:00Z'), timeZone: 'Asia/Riyadh' }, now))).toBeNull();
    expect(code(() => assertCallbackWindow({ windowStart: at('2026-11-23T11:50:00Z'), windowEnd: at('2026-11-23T12:20:00Z'), timeZone: 'UTC' }, now))).toBeNull();
  });

  it('when the end is not after the start, it is over, too long, too far ahead or the zone unknown, then it is refused with a clear code', () => {
    const w = (start: string, end: string, timeZone = 'Asia/Riyadh') => () => assertCallbackWindow({ windowStart: at(start), windowEnd: at(end), timeZone }, now);
    expect(code(w('2026-11-23T15:30:00Z', '2026-11-23T15:00:00Z'))).toBe('CALLBACK_WINDOW_INVALID');
    expect(code(w('2026-11-23T10:00:00Z', '2026-11-23T11:00:00Z'))).toBe('CALLBACK_WINDOW_INVALID');
    expect(code(w('2026-11-23T13:00:00Z', '2026-11-24T13:00:00Z'))).toBe('CALLBACK_WINDOW_INVALID');
    expect(code(w('2026-12-23T13:00:00Z', '2026-12-23T14:00:00Z'))).toBe('CALLBACK_WINDOW_INVALID');
    expect(code(w('2026-11-23T15:00:00Z', '2026-11-23T15:30:00Z', 'Mars/Olympus'))).toBe('INVALID_TIME_ZONE');
  });
});

describe('missed and changed callbacks', () => {
  it('when the window has ended and the call is not done, then it is missed; done or cancelled ones never are', () => {
    expect(isMissed({ status: 'scheduled', windowEnd: at('2026-11-23T12:00:00Z') }, now)).toBe(true);
    expect(isMissed({ status: 'scheduled', windowEnd: at('2026-11-23T12:00:01Z') }, now)).toBe(false);
    expect(isMissed({ status: 'done', windowEnd: at('2026-11-23T11:00:00Z') }, now)).toBe(false);
    expect(isMissed({ status: 'cancelled', windowEnd: at('2026-11-23T11:00:00Z') }, now)).toBe(false);
  });

  it('when a callback is done or cancelled, then that is final; a missed call may still be made', () => {
    expect(decideCallbackChange('scheduled', 'done')).toEqual({ change: true });
    expect(decideCallbackChange('missed', 'done')).toEqual({ change: true });
    expect(decideCallbackChange('done', 'done')).toEqual({ change: false });
    expect(code(() => decideCallbackChange('cancelled', 'done'))).toBe('CALLBACK_NOT_OPEN');
  });
});

describe('the confirmation the customer reads', () => {
  const w = { windowStart: at('2026-11-23T15:00:00Z'), windowEnd: at('2026-11-23T15:30:00Z'), timeZone: 'Asia/Riyadh' };
  it('when the window is today, then it names the times in the customer’s zone', () => {
    expect(confirmationText('en', w, now)).toBe('We will call you between 18:00 and 18:30');
    const ar = confirmationText('ar', w, now);
    expect(ar.startsWith('سنتصل بك بين ')).toBe(true);
    expect(ar).toContain(new Intl.DateTimeFormat('ar', { timeZone: 'Asia/Riyadh', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(w.windowStart));
  });

  it('when the window is tomorrow or later, then it says so', () => {
    const tomorrow = { ...w, windowStart: at('2026-11-24T06:00:00Z'), windowEnd: at('2026-11-24T07:00:00Z') };
    expect(confirmationText('en', tomorrow, now)).toBe('We will call you tomorrow between 09:00 and 10:00');
    expect(confirmationText('ar', tomorrow, now)).toContain('غدًا');
    const later = { ...w, windowStart: at('2026-11-26T06:00:00Z'), windowEnd: at('2026-11-26T07:00:00Z') };
    expect(confirmationText('en', later, now)).toBe('We will call you on Thu 26 Nov between 09:00 and 10:00');
  });
});
