import { describe, expect, it } from 'vitest';
import { ar, en } from './dictionary';
import { dirOf, formatFileSize, pickLanguage, relativeParts, translate } from './translate';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionary', () => {
  it('has an Arabic string for every English one, with the same placeholders', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(ar[key], key).toBeTruthy();
      expect(placeholders(ar[key]), key).toEqual(placeholders(en[key]));
    }
    expect(Object.keys(ar).sort()).toEqual(Object.keys(en).sort());
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'conversation.number', { number: 12 })).toBe('Conversation #12');
    expect(translate('ar', 'conversation.number', { number: 12 })).toBe('المحادثة رقم 12');
    expect(translate('en', 'conversation.number')).toBe('Conversation #{number}');
  });
});

describe('pickLanguage', () => {
  it('prefers the saved choice, then the browser, then English', () => {
    expect(pickLanguage('ar', ['en-US'])).toBe('ar');
    expect(pickLanguage(null, ['ar-SA', 'en'])).toBe('ar');
    expect(pickLanguage(null, ['fr-FR', 'en-GB'])).toBe('en');
    expect(pickLanguage(null, ['fr-FR'])).toBe('en');
    expect(pickLanguage('xx', [])).toBe('en');
  });
  it('makes Arabic right-to-left', () => {
    expect(dirOf('ar')).toBe('rtl');
    expect(dirOf('en')).toBe('ltr');
  });
});

describe('relativeParts', () => {
  const now = Date.UTC(2026, 0, 2);
  it('rounds to a sensible unit', () => {
    expect(relativeParts(now - 10_000, now)).toEqual({ value: 0, unit: 'second' });
    expect(relativeParts(now - 5 * 60_000, now)).toEqual({ value: -5, unit: 'minute' });
    expect(relativeParts(now - 3 * 3600_000, now)).toEqual({ value: -3, unit: 'hour' });
    expect(relativeParts(now - 3 * 86_400_000, now)).toEqual({ value: -3, unit: 'day' });
  });
});

describe('formatFileSize', () => {
  it('says bytes, kB or MB in 1024s, with one decimal below 10', () => {
    expect(formatFileSize('en', 512)).toBe('512 bytes');
    expect(formatFileSize('en', 1536)).toBe('1.5 kB');
    expect(formatFileSize('en', 42 * 1024)).toBe('42 kB');
    expect(formatFileSize('en', 10 * 1024 * 1024)).toBe('10 MB');
    expect(formatFileSize('en', 2.25 * 1024 * 1024)).toBe('2.3 MB');
  });

  it('writes Arabic units in Arabic', () => {
    expect(formatFileSize('ar', 1536)).not.toContain('kB');
    expect(formatFileSize('ar', 1536)).toMatch(/[\u0600-\u06ff]/);
  });
});
