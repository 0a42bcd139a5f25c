import { describe, expect, it } from 'vitest';
import {
  cursorStillApplies, forgottenCursor, needsRestart, newUids, planBatches, pollInterval, reconnectDelay, resumePoint, uidRangeAfter, uidSet, waitMode,
} from './imap-rules.ts';
import type { ImapMailbox } from './imap-types.ts';

describe('where a mailbox resumes', () => {
  it('when nothing was saved, then the whole folder is fetched from UID 1', () => {
    expect(resumePoint(null, '1700000000')).toEqual({ cursor: { uidValidity: '1700000000', lastUid: 0 }, reason: 'first-sync' });
  });

  it('when the saved UIDVALIDITY matches the server, then fetching resumes after the saved UID', () => {
    expect(resumePoint({ uidValidity: '42', lastUid: 17 }, '42')).toEqual({ cursor: { uidValidity: '42', lastUid: 17 }, reason: 'resume' });
  });

  it('when the server UIDVALIDITY changed, then the old UIDs mean nothing and the folder is fetched from its beginning', () => {
    expect(resumePoint({ uidValidity: '42', lastUid: 17 }, '43')).toEqual({ cursor: { uidValidity: '43', lastUid: 0 }, reason: 'uidvalidity-changed' });
  });

  it('when the cursor was forgotten (the mailbox points elsewhere now), then it is a first sync, not a change', () => {
    expect(resumePoint(forgottenCursor, '43').reason).toBe('first-sync');
  });

  it('when UIDVALIDITY is above 2^31, then it is compared as the exact decimal string', () => {
    expect(resumePoint({ uidValidity: '4294967295', lastUid: 3 }, '4294967295').reason).toBe('resume');
    expect(resumePoint({ uidValidity: '4294967295', lastUid: 3 }, '4294967294').reason).toBe('uidvalidity-changed');
  });
});

describe('which mail to fetch', () => {
  it('when the server answers n:* with only the newest older mail (an empty range), then nothing is fetched', () => {
    expect(uidRangeAfter(17)).toBe('18:*');
    expect(newUids([{ uid: 17, size: 100 }], 17)).toEqual([]);
  });

  it('when UIDs come back out of order or twice, then each new one is fetched once in UID order', () => {
    const listed = [{ uid: 9, size: 1 }, { uid: 4, size: 1 }, { uid: 9, size: 1 }, { uid: 3, size: 1 }, { uid: 2, size: 1 }];
    expect(newUids(listed, 2).map((m) => m.uid)).toEqual([3, 4, 9]);
  });

  it('when batches are planned, then each holds at most the count and the bytes, in UID order', () => {
    const mails = [1, 2, 3, 4, 5].map((uid) => ({ uid, size: 10 }));
    expect(planBatches(mails, 2, 1_000)).toEqual([[1, 2], [3, 4], [5]]);
    expect(planBatches(mails, 10, 25)).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('when one mail is larger than a whole batch, then it goes alone rather than never', () => {
    expect(planBatches([{ uid: 1, size: 5 }, { uid: 2, size: 500 }, { uid: 3, size: 5 }], 10, 100)).toEqual([[1], [2], [3]]);
  });

  it('when there is nothing to fetch, then there are no batches', () => {
    expect(planBatches([], 25, 1_000)).toEqual([]);
  });

  it('when UIDs run consecutively, then the FETCH set collapses them to ranges', () => {
    expect(uidSet([5, 1, 2, 3, 7, 8, 10])).toBe('1:3,5,7:8,10');
    expect(uidSet([4])).toBe('4');
  });
});

describe('reconnecting', () => {
  const backoff = { baseMs: 1_000, maxMs: 60_000 };

  it('when failures pile up, then the delay doubles each time up to the cap', () => {
    const full = (n: number) => reconnectDelay(n, backoff, 0.999_999);
    expect([1, 2, 3, 4].map(full)).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(full(7)).toBe(60_000);
    expect(full(1_000)).toBe(60_000);
  });

  it('when jitter is drawn, then the delay stays between half and all of the step', () => {
    expect(reconnectDelay(3, backoff, 0)).toBe(2_000);
    expect(reconnectDelay(3, backoff, 0.5)).toBe(3_000);
  });

  it('when called with zero failures, then it still waits the first step, never zero', () => {
    expect(reconnectDelay(0, backoff, 0)).toBe(500);
  });
});

describe('waiting for new mail', () => {
  it('when the server advertises IDLE, then the fetcher idles; otherwise it polls', () => {
    expect(waitMode(['IMAP4rev1', 'idle', 'UIDPLUS'])).toBe('idle');
    expect(waitMode(['IMAP4rev1', 'UIDPLUS'])).toBe('poll');
  });

  it('when a mailbox asks to poll absurdly often, then it polls once a second at most', () => {
    expect(pollInterval({ pollMs: 10 })).toBe(1_000);
    expect(pollInterval({})).toBe(60_000);
    expect(pollInterval({ pollMs: 5_000 })).toBe(5_000);
  });
});

describe('updating a mailbox', () => {
  const mailbox: ImapMailbox = { id: 'm', workspaceId: 'w', host: 'imap.example', port: 993, secure: true, user: 'support', password: 'p' };

  it('when nothing changed, then the connection is kept', () => {
    expect(needsRestart(mailbox, { ...mailbox })).toBe(false);
    expect(needsRestart(mailbox, { ...mailbox, folder: 'INBOX' })).toBe(false);
  });

  it('when the password or poll interval changed, then it reconnects but keeps its cursor', () => {
    expect(needsRestart(mailbox, { ...mailbox, password: 'q' })).toBe(true);
    expect(cursorStillApplies(mailbox, { ...mailbox, password: 'q', pollMs: 5_000 })).toBe(true);
  });

  it('when it points at another server, account or folder, then the cursor no longer applies', () => {
    expect(cursorStillApplies(mailbox, { ...mailbox, host: 'IMAP.example' })).toBe(true);
    expect(cursorStillApplies(mailbox, { ...mailbox, host: 'other.example' })).toBe(false);
    expect(cursorStillApplies(mailbox, { ...mailbox, user: 'billing' })).toBe(false);
    expect(cursorStillApplies(mailbox, { ...mailbox, folder: 'Support' })).toBe(false);
  });
});
