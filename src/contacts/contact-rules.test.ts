import { describe, expect, it } from 'vitest';
import { AppError } from '../kernel/index.ts';
import { mergeContactFacts, normalizeIdentity, toAsciiDigits, type Contact, type IdentityKind } from './contact-rules.ts';

function refusal(kind: IdentityKind, raw: string): unknown {
  try {
    normalizeIdentity(kind, raw);
  } catch (error) {
    return error;
  }
  return undefined;
}

function expectInvalid(kind: IdentityKind, raw: string): void {
  const error = refusal(kind, raw);
  expect(error, `${kind} "${raw}" should be refused`).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code: 'INVALID_IDENTITY', status: 400 });
}

function contact(over: Partial<Contact>): Contact {
  const at = new Date('2026-11-23T09:00:00.000Z');
  return { id: 'c', workspaceId: 'w', name: null, language: null, attributes: {}, identities: [], mergedFrom: [], createdAt: at, updatedAt: at, ...over };
}

describe('toAsciiDigits', () => {
  it('when text holds Arabic-Indic digits, then each reads as its ASCII digit', () => {
    expect(toAsciiDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
  });

  it('when text holds Eastern Arabic-Indic (Persian) digits, then each reads as its ASCII digit', () => {
    expect(toAsciiDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
  });

  it('when digits are mixed with letters and ASCII digits, then only the Arabic digits change', () => {
    expect(toAsciiDigits('طلب رقم ١٢3۴ order')).toBe('طلب رقم 1234 order');
    expect(toAsciiDigits('')).toBe('');
  });
});

describe('normalizeIdentity: email', () => {
  it('when an email has capitals and surrounding spaces, then it is trimmed and lower-cased', () => {
    expect(normalizeIdentity('email', '  Huda@Example.COM ')).toEqual({ kind: 'email', value: 'huda@example.com' });
  });

  it('when the same address is written two ways, then both give one canonical value', () => {
    expect(normalizeIdentity('email', 'A.B@X.io')).toEqual(normalizeIdentity('email', ' a.b@x.io'));
  });

  it.each(['', '   ', 'huda', 'huda@', '@example.com', 'huda@example', 'hu da@example.com', 'a@b@c.com'])(
    'when the email is "%s", then it is refused with INVALID_IDENTITY',
    (raw) => expectInvalid('email', raw),
  );

  it('when the email is longer than 254 characters, then it is refused', () => {
    expectInvalid('email', `${'a'.repeat(250)}@example.com`);
  });
});

describe('normalizeIdentity: phone', () => {
  it('when a phone is written in Arabic-Indic digits, then it is stored in ASCII digits', () => {
    expect(normalizeIdentity('phone', '٠٥٠١٢٣٤٥٦٧')).toEqual({ kind: 'phone', value: '0501234567' });
  });

  it('when a phone is written in Eastern Arabic-Indic digits, then it is stored in ASCII digits', () => {
    expect(normalizeIdentity('phone', '+۹۶۶۵۰۱۲۳۴۵۶۷')).toEqual({ kind: 'phone', value: '+966501234567' });
  });

  it('when a phone has spaces, dashes, dots and parentheses, then they are removed', () => {
    expect(normalizeIdentity('phone', ' +966 (50) 123-45.67 ')).toEqual({ kind: 'phone', value: '+966501234567' });
  });

  it('when a phone starts with the 00 international prefix, then it becomes +', () => {
    expect(normalizeIdentity('phone', '00966 50 123 4567')).toEqual({ kind: 'phone', value: '+966501234567' });
    expect(normalizeIdentity('phone', '٠٠٩٦٦٥٠١٢٣٤٥٦٧')).toEqual({ kind: 'phone', value: '+966501234567' });
  });

  it('when one number is written in three styles, then all three give the same value', () => {
    const values = ['+966 50 123 4567', '00966501234567', '+٩٦٦ ٥٠ ١٢٣ ٤٥٦٧'].map((p) => normalizeIdentity('phone', p).value);
    expect(new Set(values)).toEqual(new Set(['+966501234567']));
  });

  it('when a phone carries invisible direction marks from right-to-left text, then they are removed', () => {
    expect(normalizeIdentity('phone', '\u200e+966501234567\u200f')).toEqual({ kind: 'phone', value: '+966501234567' });
  });

  it.each(['', '12345', '+١٢٣٤٥', 'call me', '+9665O1234567', '0501234567x', '1234567890123456', '++966501234567'])(
    'when the phone is "%s", then it is refused with INVALID_IDENTITY',
    (raw) => expectInvalid('phone', raw),
  );

  it('when a phone has exactly 6 or 15 digits, then it is accepted', () => {
    expect(normalizeIdentity('phone', '123456').value).toBe('123456');
    expect(normalizeIdentity('phone', '+123456789012345').value).toBe('+123456789012345');
  });
});

describe('normalizeIdentity: visitor and external ids', () => {
  it.each(['visitor', 'external'] as const)('when a %s id has surrounding spaces, then it is trimmed but keeps its case', (kind) => {
    expect(normalizeIdentity(kind, '  Abc-123 ')).toEqual({ kind, value: 'Abc-123' });
  });

  it.each(['visitor', 'external'] as const)('when a %s id is empty or only spaces, then it is refused', (kind) => {
    expectInvalid(kind, '');
    expectInvalid(kind, '   ');
  });

  it.each(['visitor', 'external'] as const)('when a %s id is longer than 200 characters, then it is refused, and 200 is accepted', (kind) => {
    expectInvalid(kind, 'x'.repeat(201));
    expect(normalizeIdentity(kind, 'x'.repeat(200)).value).toHaveLength(200);
  });
});

describe('mergeContactFacts', () => {
  it('when both contacts know a fact, then the target wins', () => {
    const target = contact({ name: 'Huda', language: 'ar', attributes: { plan: 'gold', city: 'Riyadh' } });
    const source = contact({ name: 'H. Ahmed', language: 'en', attributes: { plan: 'free', city: 'Jeddah' } });
    expect(mergeContactFacts(target, source)).toEqual({ name: 'Huda', language: 'ar', attributes: { plan: 'gold', city: 'Riyadh' } });
  });

  it('when the target lacks a fact, then the source fills the gap', () => {
    const target = contact({ attributes: { plan: 'gold' } });
    const source = contact({ name: 'Huda', language: 'ar', attributes: { plan: 'free', orders: 3, vip: true } });
    expect(mergeContactFacts(target, source)).toEqual({ name: 'Huda', language: 'ar', attributes: { plan: 'gold', orders: 3, vip: true } });
  });

  it('when neither contact knows a fact, then it stays empty', () => {
    expect(mergeContactFacts(contact({}), contact({}))).toEqual({ name: null, language: null, attributes: {} });
  });

  it('when the target holds an attribute explicitly set to null, then that null is kept over the source value', () => {
    const merged = mergeContactFacts(contact({ attributes: { note: null } }), contact({ attributes: { note: 'old' } }));
    expect(merged.attributes).toEqual({ note: null });
  });

  it('when facts are merged, then neither input is changed', () => {
    const target = contact({ attributes: { a: 1 } });
    const source = contact({ attributes: { b: 2 } });
    mergeContactFacts(target, source);
    expect(target.attributes).toEqual({ a: 1 });
    expect(source.attributes).toEqual({ b: 2 });
  });
});
