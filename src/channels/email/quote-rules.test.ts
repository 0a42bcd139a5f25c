import { describe, expect, it } from 'vitest';
import { foldQuotedReply } from './quote-rules.ts';

const lines = (...l: string[]) => l.join('\n');

describe('folding quoted replies and signatures', () => {
  it('when an English Gmail reply quotes below "On … wrote:", then the quote folds', () => {
    const body = lines('Thanks, that worked.', '', 'On Mon, 23 Nov 2026 at 10:00, Sanad Support <support@sanad.example> wrote:', '> Please restart the router.', '> Regards');
    expect(foldQuotedReply(body)).toEqual({
      visible: 'Thanks, that worked.',
      signature: '',
      quoted: lines('On Mon, 23 Nov 2026 at 10:00, Sanad Support <support@sanad.example> wrote:', '> Please restart the router.', '> Regards'),
    });
  });

  it('when Gmail wraps the header over two lines, then it is still recognised', () => {
    const body = lines('Still broken.', 'On Mon, 23 Nov 2026 at 10:00, A Very Long Sender Name <support@sanad.example>', 'wrote:', '> old');
    expect(foldQuotedReply(body).visible).toBe('Still broken.');
  });

  it('when an Arabic Gmail reply quotes below "في … كتب:", then the quote folds', () => {
    const body = lines('شكراً، تم حل المشكلة.', '', '\u200Fفي الاثنين، 23 نوفمبر 2026 في 10:00 ص، فريق سند <support@sanad.example> كتب:\u200F', '> يرجى إعادة تشغيل الجهاز.');
    const folded = foldQuotedReply(body);
    expect(folded.visible).toBe('شكراً، تم حل المشكلة.');
    expect(folded.quoted).toContain('> يرجى إعادة تشغيل الجهاز.');
  });

  it('when Outlook puts a From/Sent/To/Subject block, English or Arabic, then everything from it folds', () => {
    const en = lines('Please see below.', '', 'From: Sanad Support <support@sanad.example>', 'Sent: Monday, November 23, 2026 10:00 AM', 'To: Huda', 'Subject: RE: Refund', '', 'Unquoted old text');
    expect(foldQuotedReply(en).visible).toBe('Please see below.');
    expect(foldQuotedReply(en).quoted).toMatch(/^From: Sanad/);
    const ar = lines('أرجو المساعدة.', 'من: فريق سند <support@sanad.example>', 'تاريخ الإرسال: الاثنين 23 نوفمبر 2026', 'إلى: هدى', 'الموضوع: استرجاع', 'نص قديم');
    expect(foldQuotedReply(ar).visible).toBe('أرجو المساعدة.');
  });

  it('when "-----Original Message-----" appears, then it and what follows fold', () => {
    const body = lines('New text', '-----Original Message-----', 'From: x', 'old text');
    expect(foldQuotedReply(body)).toMatchObject({ visible: 'New text', quoted: lines('-----Original Message-----', 'From: x', 'old text') });
  });

  it('when a trailing run of ">" lines has no header, then it folds', () => {
    expect(foldQuotedReply(lines('Yes please.', '', '> Shall we refund?', '>', '> Sanad')).visible).toBe('Yes please.');
  });

  it('when the customer answers inline between quotes, then nothing folds', () => {
    const body = lines('On Mon, 23 Nov 2026, Sanad <s@x> wrote:', '> What is your order number?', '1234', '> And the date?', 'Yesterday');
    expect(foldQuotedReply(body)).toEqual({ visible: body, quoted: '', signature: '' });
    const mixed = lines('See my answers.', 'On Mon, Sanad <s@x> wrote:', '> Order?', '1234');
    expect(foldQuotedReply(mixed).quoted).toBe('');
  });

  it('when a body is only a quote, then it stays visible rather than showing nothing', () => {
    const body = lines('> only quoted text', '> more');
    expect(foldQuotedReply(body)).toEqual({ visible: body, quoted: '', signature: '' });
  });

  it('when a "-- " delimiter ends the text, then what follows is the signature', () => {
    const body = lines('My router is down.', '', '-- ', 'Huda Ali', 'Example Corp', '', 'On Mon, Sanad <s@x> wrote:', '> hello');
    expect(foldQuotedReply(body)).toEqual({ visible: 'My router is down.', signature: lines('-- ', 'Huda Ali', 'Example Corp'), quoted: lines('On Mon, Sanad <s@x> wrote:', '> hello') });
  });

  it('when the last line is a mobile footer in English or Arabic, then it is the signature', () => {
    expect(foldQuotedReply(lines('Can you call me?', '', 'Sent from my iPhone'))).toMatchObject({ visible: 'Can you call me?', signature: 'Sent from my iPhone' });
    expect(foldQuotedReply(lines('هل يمكنكم الاتصال بي؟', '', 'أرسلت من الـ iPhone'))).toMatchObject({ visible: 'هل يمكنكم الاتصال بي؟', signature: 'أرسلت من الـ iPhone' });
  });

  it('when "Sent from my iPhone" is the whole message or is followed by more text, then it stays visible', () => {
    expect(foldQuotedReply('Sent from my iPhone').visible).toBe('Sent from my iPhone');
    expect(foldQuotedReply(lines('Sent from my iPhone', 'but the app crashes')).signature).toBe('');
  });

  it('when a "-- " line is followed by a long text, then it is not taken for a signature', () => {
    const body = lines('Intro', '-- ', ...Array.from({ length: 20 }, (_, i) => `step ${i}`));
    expect(foldQuotedReply(body)).toMatchObject({ visible: body, signature: '' });
  });

  it('when a customer forwards a mail, then the forwarded part stays visible', () => {
    const body = lines('Please look at this.', '---------- Forwarded message ---------', 'From: Bank <b@x>', 'Date: Mon', 'Subject: Payment', 'To: me', '', 'Your payment failed.');
    expect(foldQuotedReply(body).visible).toBe(body);
  });

  it('when the subject says Fwd or إعادة توجيه, then an Outlook-style block stays visible', () => {
    const body = lines('FYI', '________________________________', 'From: Bank <b@x>', 'Sent: Monday', 'To: me', 'Subject: Payment', 'Your payment failed.');
    expect(foldQuotedReply(body, { subject: 'FW: Payment' }).visible).toBe(body);
    expect(foldQuotedReply(body, { subject: 'إعادة توجيه: الدفع' }).visible).toBe(body);
    expect(foldQuotedReply(body, { subject: 'RE: Payment' }).visible).toBe('FYI');
  });

  it('when lines end in CRLF, then the result uses plain newlines', () => {
    expect(foldQuotedReply('Hi\r\n\r\n> old\r\n').visible).toBe('Hi');
  });
});
