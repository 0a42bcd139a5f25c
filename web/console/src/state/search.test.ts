import { describe, expect, it } from 'vitest';
import { foldForSearch, matchesSearch } from './search';
import { conversation } from './test-data';

describe('matchesSearch', () => {
  const c = conversation(12, { subject: 'Cannot sign in', tags: ['charged-twice'] });

  it('matches the contact name, subject and tags, case-insensitively', () => {
    expect(matchesSearch(c, 'James Carter', 'james')).toBe(true);
    expect(matchesSearch(c, 'James Carter', 'SIGN in')).toBe(true);
    expect(matchesSearch(c, 'James Carter', 'charged')).toBe(true);
    expect(matchesSearch(c, 'James Carter', 'refund')).toBe(false);
  });

  it('matches the number exactly, with or without #, in Arabic-Indic digits too', () => {
    expect(matchesSearch(c, null, '#12')).toBe(true);
    expect(matchesSearch(c, null, '12')).toBe(true);
    expect(matchesSearch(c, null, '#١٢')).toBe(true);
    expect(matchesSearch(c, null, '#1')).toBe(false);
  });

  it('ignores Arabic diacritics and alef forms', () => {
    expect(matchesSearch(c, 'نورة العتيبي', 'نوره')).toBe(false);
    expect(matchesSearch(c, 'أحمد', 'احمد')).toBe(true);
    expect(matchesSearch(c, 'مُحَمَّد', 'محمد')).toBe(true);
  });

  it('an empty query matches everything', () => {
    expect(matchesSearch(c, null, '  ')).toBe(true);
  });
});

describe('foldForSearch', () => {
  it('folds digits and case', () => {
    expect(foldForSearch(' AB ٣٤٩ ۱ ')).toBe('ab 349 1');
  });
});
