import { describe, expect, it } from 'vitest';
import { extractFacts, type Fact, type FactKind } from './extract-facts.ts';

function facts(text: string, referenceDate?: string): Array<Pick<Fact, 'kind' | 'value' | 'raw'>> {
  return extractFacts(text, referenceDate === undefined ? {} : { referenceDate }).map(({ kind, value, raw }) => ({ kind, value, raw }));
}

function kinds(text: string): FactKind[] {
  return extractFacts(text).map((f) => f.kind);
}

describe('extractFacts: order numbers', () => {
  it('when an English message names its order, then the number is the fact', () => {
    expect(facts('Where is order 48213?')).toEqual([{ kind: 'order_number', value: '48213', raw: '48213' }]);
    expect(facts('my order number is #48213')).toEqual([{ kind: 'order_number', value: '48213', raw: '48213' }]);
    expect(facts('order no. ORD-48213 never came')).toEqual([{ kind: 'order_number', value: 'ORD-48213', raw: 'ORD-48213' }]);
  });

  it('when an Arabic message names its order in Arabic-Indic digits, then the value is ASCII and raw as written', () => {
    expect(facts('طلب رقم ٤٨٢١٣ لم يصل')).toEqual([{ kind: 'order_number', value: '48213', raw: '٤٨٢١٣' }]);
    expect(facts('وين الطلب ۴۸۲۱۳؟')).toEqual([{ kind: 'order_number', value: '48213', raw: '۴۸۲۱۳' }]);
    expect(facts('بخصوص طلبي 48213')).toEqual([{ kind: 'order_number', value: '48213', raw: '48213' }]);
  });

  it('when a number stands alone behind #, then it is read as an order number', () => {
    expect(facts('#48213 still not shipped')).toEqual([{ kind: 'order_number', value: '48213', raw: '#48213' }]);
  });

  it('when a French message names its commande, then the number is the fact', () => {
    expect(facts('ma commande n° 48213 est en retard')).toEqual([{ kind: 'order_number', value: '48213', raw: '48213' }]);
  });
});

describe('extractFacts: ticket numbers', () => {
  it('when a ticket is written T-7731 or "ticket 7731", then its number is the fact', () => {
    expect(facts('re: T-7731')).toEqual([{ kind: 'ticket_number', value: '7731', raw: 'T-7731' }]);
    expect(facts('see ticket #7731 please')).toEqual([{ kind: 'ticket_number', value: '7731', raw: '7731' }]);
  });

  it('when an Arabic message names its تذكرة, then the number is a ticket, not an order', () => {
    expect(facts('التذكرة رقم ٧٧٣١ ما انحلت')).toEqual([{ kind: 'ticket_number', value: '7731', raw: '٧٧٣١' }]);
    expect(facts('بخصوص تذكرتي 7731')).toEqual([{ kind: 'ticket_number', value: '7731', raw: '7731' }]);
  });
});

describe('extractFacts: emails', () => {
  it('when an email is written, then it is found and lower-cased', () => {
    expect(facts('reach me at Sara.Ali+shop@Example.COM thanks')).toEqual([{ kind: 'email', value: 'sara.ali+shop@example.com', raw: 'Sara.Ali+shop@Example.COM' }]);
  });

  it('when an email sits in Arabic text, then it is found with its offsets', () => {
    const text = 'بريدي هو ahmed@example.sa لو سمحت';
    const [fact] = extractFacts(text);
    expect(fact).toMatchObject({ kind: 'email', value: 'ahmed@example.sa' });
    expect(text.slice(fact?.start, fact?.end)).toBe('ahmed@example.sa');
  });
});

describe('extractFacts: phone numbers', () => {
  it('when a phone is international (+966 or 00966), then it normalises to +digits', () => {
    expect(facts('call me on +966 50 123 4567')).toEqual([{ kind: 'phone', value: '+966501234567', raw: '+966 50 123 4567' }]);
    expect(facts('رقمي 00966501234567')).toEqual([{ kind: 'phone', value: '+966501234567', raw: '00966501234567' }]);
  });

  it('when a Saudi or Egyptian mobile is written locally, then it is a phone even without context', () => {
    expect(facts('0501234567')).toEqual([{ kind: 'phone', value: '0501234567', raw: '0501234567' }]);
    expect(facts('ده رقمي ٠١٠٢٣٤٥٦٧٨٩')).toEqual([{ kind: 'phone', value: '01023456789', raw: '٠١٠٢٣٤٥٦٧٨٩' }]);
  });

  it('when a phone is written in Eastern Arabic-Indic digits with spaces, then it is read', () => {
    expect(facts('جوالي ۰۵۰ ۱۲۳ ۴۵۶۷')).toEqual([{ kind: 'phone', value: '0501234567', raw: '۰۵۰ ۱۲۳ ۴۵۶۷' }]);
  });

  it('when an unknown local number follows a phone word, then it is a phone; without one it is nothing', () => {
    expect(facts('my number is 2345 6789')).toEqual([{ kind: 'phone', value: '23456789', raw: '2345 6789' }]);
    expect(facts('I have 23456789 points')).toEqual([]);
  });
});

describe('extractFacts: amounts', () => {
  it('when an English amount carries a currency before or after, then value is "<number> <ISO code>"', () => {
    expect(facts('I was charged $12.50 twice')).toEqual([{ kind: 'amount', value: '12.50 USD', raw: '$12.50' }]);
    expect(facts('refund of SAR 1,499.00 please')).toEqual([{ kind: 'amount', value: '1499.00 SAR', raw: 'SAR 1,499.00' }]);
    expect(facts('paid 200 AED and 15 EUR')).toEqual([
      { kind: 'amount', value: '200 AED', raw: '200 AED' },
      { kind: 'amount', value: '15 EUR', raw: '15 EUR' },
    ]);
    expect(facts('le total était de 12,50 €')).toEqual([{ kind: 'amount', value: '12.50 EUR', raw: '12,50 €' }]);
  });

  it('when an Arabic amount names ريال, ر.س, درهم or جنيه, then the currency code is found', () => {
    expect(facts('انخصم مني 349 ريال')).toEqual([{ kind: 'amount', value: '349 SAR', raw: '349 ريال' }]);
    expect(facts('المبلغ ٥٠٠ ر.س')).toEqual([{ kind: 'amount', value: '500 SAR', raw: '٥٠٠ ر.س' }]);
    expect(facts('دفعت 120 درهم')).toEqual([{ kind: 'amount', value: '120 AED', raw: '120 درهم' }]);
    expect(facts('اتخصم ٧٥٠ جنيه')).toEqual([{ kind: 'amount', value: '750 EGP', raw: '٧٥٠ جنيه' }]);
    expect(facts('رجعوا لي 20 ريال قطري')).toEqual([{ kind: 'amount', value: '20 QAR', raw: '20 ريال قطري' }]);
  });

  it('when an Arabic amount uses the Arabic decimal separator, then it reads as a decimal point', () => {
    expect(facts('الرسوم ١٢٫٥ دينار')).toEqual([{ kind: 'amount', value: '12.5 DINAR', raw: '١٢٫٥ دينار' }]);
    expect(facts('١٢٫٥ د.ك')).toEqual([{ kind: 'amount', value: '12.5 KWD', raw: '١٢٫٥ د.ك' }]);
  });

  it('when a number has no currency, then it is not an amount', () => {
    expect(kinds('I bought 3 items and waited 10 days')).toEqual([]);
  });
});

describe('extractFacts: dates', () => {
  it('when a date is ISO or day-first, then the value is YYYY-MM-DD', () => {
    expect(facts('delivered on 2026-11-23')).toEqual([{ kind: 'date', value: '2026-11-23', raw: '2026-11-23' }]);
    expect(facts('ordered 23/11/2026')).toEqual([{ kind: 'date', value: '2026-11-23', raw: '23/11/2026' }]);
    expect(facts('بتاريخ ٢٣/١١/٢٠٢٦')).toEqual([{ kind: 'date', value: '2026-11-23', raw: '٢٣/١١/٢٠٢٦' }]);
  });

  it('when only the month-first reading is possible, then it is used; impossible dates are dropped', () => {
    expect(facts('on 11/23/2026')).toEqual([{ kind: 'date', value: '2026-11-23', raw: '11/23/2026' }]);
    expect(facts('on 31/02/2026')).toEqual([]);
  });

  it('when "yesterday" or "أمس" comes with a reference date, then it resolves to a day', () => {
    expect(facts('I paid yesterday', '2026-11-23')).toEqual([{ kind: 'date', value: '2026-11-22', raw: 'yesterday' }]);
    expect(facts('دفعت أمس', '2026-03-01')).toEqual([{ kind: 'date', value: '2026-02-28', raw: 'أمس' }]);
    expect(facts('livré hier', '2026-01-01')).toEqual([{ kind: 'date', value: '2025-12-31', raw: 'hier' }]);
  });

  it('when "yesterday" or "أمس" comes without a reference date, then it stays raw', () => {
    expect(facts('I paid Yesterday')).toEqual([{ kind: 'date', value: 'Yesterday', raw: 'Yesterday' }]);
    expect(facts('دفعت بالأمس')).toEqual([{ kind: 'date', value: 'أمس', raw: 'أمس' }]);
  });
});

describe('extractFacts: overlaps and false positives', () => {
  it('when an order number looks like a phone, then the order keyword wins', () => {
    expect(facts('order 0501234567 is late')).toEqual([{ kind: 'order_number', value: '0501234567', raw: '0501234567' }]);
  });

  it('when a date is written with dashes, then it is a date and not a phone or order', () => {
    expect(kinds('call me about order 48213 on 2026-11-23')).toEqual(['order_number', 'date']);
  });

  it('when an amount follows an order number, then each is its own fact', () => {
    expect(facts('طلب رقم ٤٨٢١٣ بمبلغ ٣٤٩ ريال')).toEqual([
      { kind: 'order_number', value: '48213', raw: '٤٨٢١٣' },
      { kind: 'amount', value: '349 SAR', raw: '٣٤٩ ريال' },
    ]);
  });

  it('when digits live inside an email or a URL, then they are not orders or phones', () => {
    expect(kinds('mail 0501234567@example.com')).toEqual(['email']);
    expect(kinds('see https://shop.example.com/order/48213#0501234567')).toEqual([]);
  });

  it('when a message holds every kind, then they come back in order of appearance with exact offsets', () => {
    const text = 'Ticket T-7731: order #48213 charged SAR 349 on 2026-11-23, call +966501234567 or mail a@b.co';
    const found = extractFacts(text);
    expect(found.map((f) => f.kind)).toEqual(['ticket_number', 'order_number', 'amount', 'date', 'phone', 'email']);
    for (const fact of found) expect(text.slice(fact.start, fact.end)).toBe(fact.raw);
    expect(found.map((f) => f.value)).toEqual(['7731', '48213', '349 SAR', '2026-11-23', '+966501234567', 'a@b.co']);
  });

  it('when the text is empty or has no facts, then the list is empty', () => {
    expect(extractFacts('')).toEqual([]);
    expect(extractFacts('مرحبا، كيف حالكم؟')).toEqual([]);
  });
});
