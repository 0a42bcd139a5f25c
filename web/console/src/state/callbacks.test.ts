import { describe, expect, it } from 'vitest';
import {
  callbackIsOpen, callbackWindowTimes, checkCallbackForm, dateAndTimeIn, formatWindow, initialCallbackForm, isTimeZone, phoneOfContact,
  timeZoneChoices, zonedTimeToDate, zoneOffsetMs, type CallbackForm,
} from './callbacks';

const now = new Date('2026-11-23T12:00:00Z');
const form = (patch: Partial<CallbackForm> = {}): CallbackForm => ({
  phone: '+966 50 123 4567', date: '2026-11-24', from: '09:00', to: '09:30', timeZone: 'Asia/Riyadh', note: '', ...patch,
});

describe('wall clocks in a time zone', () => {
  it('turns a date and time in a zone into the instant, either side of UTC', () => {
    expect(zonedTimeToDate('2026-11-24', '09:00', 'Asia/Riyadh')?.toISOString()).toBe('2026-11-24T06:00:00.000Z');
    expect(zonedTimeToDate('2026-11-24', '09:00', 'America/New_York')?.toISOString()).toBe('2026-11-24T14:00:00.000Z');
    expect(zonedTimeToDate('2026-11-24', '09:00', 'UTC')?.toISOString()).toBe('2026-11-24T09:00:00.000Z');
    expect(zonedTimeToDate('2026-11-24', '00:30', 'Asia/Kolkata')?.toISOString()).toBe('2026-11-23T19:00:00.000Z');
  });

  it('follows daylight saving: London in July is an hour ahead of UTC, in November it is not', () => {
    expect(zonedTimeToDate('2026-07-01', '10:00', 'Europe/London')?.toISOString()).toBe('2026-07-01T09:00:00.000Z');
    expect(zonedTimeToDate('2026-11-01', '10:00', 'Europe/London')?.toISOString()).toBe('2026-11-01T10:00:00.000Z');
    expect(zoneOffsetMs(new Date('2026-07-01T09:00:00Z'), 'Europe/London')).toBe(3_600_000);
    // 01:30 on the spring-forward morning does not exist in London; it lands after the jump.
    expect(zonedTimeToDate('2026-03-29', '01:30', 'Europe/London')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('refuses malformed dates, times and zones', () => {
    expect(zonedTimeToDate('2026-02-30', '09:00', 'UTC')).toBeNull();
    expect(zonedTimeToDate('24/11/2026', '09:00', 'UTC')).toBeNull();
    expect(zonedTimeToDate('2026-11-24', '24:00', 'UTC')).toBeNull();
    expect(zonedTimeToDate('2026-11-24', '09:00', 'Mars/Olympus')).toBeNull();
    expect(isTimeZone('Asia/Riyadh')).toBe(true);
    expect(isTimeZone('')).toBe(false);
  });

  it('reads an instant back as the date and time a zone shows', () => {
    expect(dateAndTimeIn(new Date('2026-11-23T22:30:00Z'), 'Asia/Riyadh')).toEqual({ date: '2026-11-24', time: '01:30' });
    expect(dateAndTimeIn(new Date('2026-11-23T22:30:00Z'), 'UTC')).toEqual({ date: '2026-11-23', time: '22:30' });
  });

  it('offers every zone, with the browser’s own and UTC always among them', () => {
    expect(timeZoneChoices('Asia/Riyadh', ['Europe/London'])).toEqual(['Asia/Riyadh', 'Europe/London', 'UTC']);
    expect(timeZoneChoices('Africa/Cairo')).toContain('Africa/Cairo');
  });
});

describe('the schedule form', () => {
  it('opens on the next whole hour, for an hour, in the chosen zone, with the contact’s phone', () => {
    expect(initialCallbackForm('+20 100', 'Africa/Cairo', new Date('2026-11-23T12:10:00Z'))).toEqual({
      phone: '+20 100', date: '2026-11-23', from: '15:00', to: '16:00', timeZone: 'Africa/Cairo', note: '',
    });
    // An hour that would cross midnight ends at 23:59 instead.
    expect(initialCallbackForm('', 'UTC', new Date('2026-11-23T22:10:00Z'))).toMatchObject({ date: '2026-11-23', from: '23:00', to: '23:59' });
  });

  it('becomes the API body: the window as UTC instants, the zone, the trimmed note, and the conversation’s contact, team and language', () => {
    const check = checkCallbackForm(form({ note: '  about the refund ' }), now, { contactId: 'c1', teamId: null, language: 'ar' });
    expect(check).toEqual({
      ok: true,
      body: {
        phone: '+966 50 123 4567', windowStart: '2026-11-24T06:00:00.000Z', windowEnd: '2026-11-24T06:30:00.000Z', timeZone: 'Asia/Riyadh',
        note: 'about the refund', contactId: 'c1', teamId: null, language: 'ar',
      },
    });
    const bare = checkCallbackForm(form(), now);
    expect(bare.ok && bare.body).toEqual({ phone: '+966 50 123 4567', windowStart: '2026-11-24T06:00:00.000Z', windowEnd: '2026-11-24T06:30:00.000Z', timeZone: 'Asia/Riyadh' });
  });

  it('names the first thing wrong: no phone, no date or time, end not after start, over, too long, too far ahead, unknown zone', () => {
    const problem = (patch: Partial<CallbackForm>) => {
      const check = checkCallbackForm(form(patch), now);
      return check.ok ? null : check.problem;
    };
    expect(problem({ phone: '   ' })).toBe('phoneRequired');
    expect(problem({ phone: '1'.repeat(41) })).toBe('phoneTooLong');
    expect(problem({ date: '' })).toBe('dateRequired');
    expect(problem({ from: '' })).toBe('timeRequired');
    expect(problem({ from: '10:00', to: '09:30' })).toBe('endBeforeStart');
    expect(problem({ from: '10:00', to: '10:00' })).toBe('endBeforeStart');
    expect(problem({ date: '2026-11-23', from: '10:00', to: '11:00', timeZone: 'UTC' })).toBe('inPast');
    expect(problem({ from: '06:00', to: '18:30' })).toBe('tooLong');
    expect(problem({ date: '2026-12-10' })).toBe('tooFarAhead');
    expect(problem({ timeZone: 'Mars/Olympus' })).toBe('zoneInvalid');
    expect(problem({ note: 'x'.repeat(2001) })).toBe('noteTooLong');
    // A window that has begun but not ended may still be promised (as the server allows).
    expect(problem({ date: '2026-11-23', from: '11:30', to: '12:30', timeZone: 'UTC' })).toBeNull();
  });
});

describe('windows for people', () => {
  const cb = { windowStart: '2026-11-24T06:00:00.000Z', windowEnd: '2026-11-24T06:30:00.000Z', timeZone: 'Asia/Riyadh' };

  it('shows one window in the agent’s zone and in the customer’s', () => {
    expect(formatWindow(cb.windowStart, cb.windowEnd, 'Asia/Riyadh', 'en')).toBe('Tue 24 Nov, 09:00–09:30');
    expect(callbackWindowTimes(cb, 'Europe/London', 'en')).toEqual({ agent: 'Tue 24 Nov, 06:00–06:30', customer: 'Tue 24 Nov, 09:00–09:30', same: false });
    expect(callbackWindowTimes(cb, 'Asia/Riyadh', 'en').same).toBe(true);
  });

  it('names both days when the window crosses midnight in that zone', () => {
    expect(formatWindow('2026-11-24T20:30:00Z', '2026-11-24T21:30:00Z', 'Asia/Riyadh', 'en')).toBe('Tue 24 Nov, 23:30 – Wed 25 Nov, 00:30');
    expect(formatWindow('2026-11-24T20:30:00Z', '2026-11-24T21:30:00Z', 'UTC', 'en')).toBe('Tue 24 Nov, 20:30–21:30');
  });

  it('writes Arabic with Arabic day and month names', () => {
    const ar = formatWindow(cb.windowStart, cb.windowEnd, 'Asia/Riyadh', 'ar');
    expect(ar).toMatch(/[\u0600-\u06FF]/);
    expect(ar).toContain('،');
    // The time range is isolated left to right, so RTL layout does not swap its ends.
    expect(ar).toMatch(/\u2066[^\u2069]+–[^\u2069]+\u2069$/);
    expect(formatWindow(cb.windowStart, cb.windowEnd, 'Asia/Riyadh', 'en')).not.toMatch(/[\u2066\u2069]/);
  });
});

describe('callback helpers', () => {
  it('takes the contact’s first phone number', () => {
    expect(phoneOfContact({ identities: [{ kind: 'email', value: 'a@b.c' }, { kind: 'phone', value: '+201005550199' }] })).toBe('+201005550199');
    expect(phoneOfContact({ identities: [{ kind: 'email', value: 'a@b.c' }] })).toBe('');
    expect(phoneOfContact(null)).toBe('');
  });

  it('lets scheduled and missed calls be done or cancelled, never done or cancelled ones', () => {
    expect(['scheduled', 'missed', 'done', 'cancelled'].map((s) => callbackIsOpen(s as 'done'))).toEqual([true, true, false, false]);
  });
});
