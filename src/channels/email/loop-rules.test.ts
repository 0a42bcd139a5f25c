import { describe, expect, it } from 'vitest';
import { ackRateLimit, classifyMail } from './loop-rules.ts';

const person = { From: 'Huda <huda@customer.example>', Subject: 'Refund for order 1234', 'Content-Type': 'text/plain; charset=utf-8' };

describe('recognising machine-written mail', () => {
  it('when a person writes, then nothing is flagged and an acknowledgement may go', () => {
    expect(classifyMail(person)).toEqual({ autoReply: false, bounce: false, list: false, mayAutoAcknowledge: true, reasons: [] });
    expect(classifyMail({ ...person, 'Auto-Submitted': 'no' }).mayAutoAcknowledge).toBe(true);
  });

  it('when Auto-Submitted is anything but "no", then it is an auto-reply and is not answered', () => {
    const c = classifyMail({ ...person, 'auto-submitted': 'auto-replied' });
    expect(c).toMatchObject({ autoReply: true, mayAutoAcknowledge: false });
    expect(c.reasons).toContain('auto-submitted: auto-replied');
  });

  it('when X-Autoreply, X-Autorespond or Precedence auto_reply/bulk/junk is set, then it is an auto-reply', () => {
    for (const headers of [{ 'X-Autoreply': 'yes' }, { 'X-Autorespond': 'vacation' }, { Precedence: 'auto_reply' }, { Precedence: 'bulk' }, { PRECEDENCE: 'junk' }]) {
      expect(classifyMail({ ...person, ...headers })).toMatchObject({ autoReply: true, mayAutoAcknowledge: false });
    }
  });

  it('when the subject says out of office in English or Arabic, then it is an auto-reply', () => {
    for (const subject of ['Out of Office: Refund', 'Automatic reply: Refund', 'Auto-Reply: hi', 'رد تلقائي: استرجاع المبلغ', '\u200Fخارج المكتب']) {
      expect(classifyMail({ ...person, Subject: subject }).autoReply).toBe(true);
    }
  });

  it('when a customer merely mentions office hours, then it is a person writing', () => {
    expect(classifyMail({ ...person, Subject: 'Out of office hours support?' }).autoReply).toBe(false);
    expect(classifyMail({ ...person, Subject: 'Re: automatic reply did not arrive' }).autoReply).toBe(false);
  });

  it('when the sender asks for no auto-responses, then none goes, though the mail is not called automatic', () => {
    const c = classifyMail({ ...person, 'X-Auto-Response-Suppress': 'OOF, AutoReply' });
    expect(c).toMatchObject({ autoReply: false, mayAutoAcknowledge: false });
  });

  it('when a delivery status report arrives from MAILER-DAEMON with a null Return-Path, then it is a bounce', () => {
    const c = classifyMail({
      From: 'Mail Delivery System <MAILER-DAEMON@mx.example>', 'Return-Path': '<>', Subject: 'Undelivered Mail Returned to Sender',
      'Content-Type': 'multipart/report; report-type=delivery-status; boundary="x"',
    });
    expect(c).toMatchObject({ bounce: true, autoReply: false, mayAutoAcknowledge: false });
    expect(c.reasons).toEqual(expect.arrayContaining(['delivery status report', 'sender mailer-daemon@mx.example', 'null return-path']));
  });

  it('when postmaster writes, or only the Return-Path is null, then it is a bounce', () => {
    expect(classifyMail({ ...person, From: 'postmaster@example.com' }).bounce).toBe(true);
    expect(classifyMail({ ...person, 'Return-Path': ' <> ' }).bounce).toBe(true);
  });

  it('when an RFC 3834 auto-reply comes with a null Return-Path, then it is an auto-reply, not a bounce', () => {
    expect(classifyMail({ ...person, 'Auto-Submitted': 'auto-replied', 'Return-Path': '<>' })).toMatchObject({ autoReply: true, bounce: false });
  });

  it('when a read receipt arrives, then it is not answered', () => {
    expect(classifyMail({ ...person, 'Content-Type': 'multipart/report; report-type="disposition-notification"' }).mayAutoAcknowledge).toBe(false);
  });

  it('when List-Id, List-Unsubscribe or Precedence list is present, then it is list mail', () => {
    for (const headers of [{ 'List-Id': '<users.lists.example>' }, { 'List-Unsubscribe': '<mailto:leave@x>' }, { Precedence: 'list' }]) {
      expect(classifyMail({ ...person, ...headers })).toMatchObject({ list: true, autoReply: false, mayAutoAcknowledge: false });
    }
  });

  it('when the sender is a no-reply address, then no acknowledgement goes to it', () => {
    expect(classifyMail({ ...person, From: 'Shop <no-reply@shop.example>' }).mayAutoAcknowledge).toBe(false);
    expect(classifyMail({ ...person, From: 'noreply+orders@shop.example' }).mayAutoAcknowledge).toBe(false);
  });

  it('when a header repeats, then any of its values counts', () => {
    expect(classifyMail({ ...person, 'List-Id': ['<a.example>', '<b.example>'] }).list).toBe(true);
  });
});

describe('rate limiting acknowledgements per sender', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  const hoursAgo = (n: number) => new Date(now.getTime() - n * 3_600_000);

  it('when fewer than three went in the last day, then one more may go', () => {
    expect(ackRateLimit([hoursAgo(1), hoursAgo(30)], now)).toEqual({ allowed: true, sentInWindow: 1, nextAllowedAt: null });
  });

  it('when three went in the last day, then none may go until the oldest of them is a day old', () => {
    expect(ackRateLimit([hoursAgo(20), hoursAgo(5), hoursAgo(1)], now)).toEqual({ allowed: false, sentInWindow: 3, nextAllowedAt: hoursAgo(-4) });
  });

  it('when a different limit is given, then it is used', () => {
    expect(ackRateLimit([hoursAgo(0.5)], now, { max: 1, windowMs: 3_600_000 })).toMatchObject({ allowed: false });
    expect(ackRateLimit([hoursAgo(2)], now, { max: 1, windowMs: 3_600_000 })).toMatchObject({ allowed: true });
  });
});
