import { describe, expect, it } from 'vitest';
import { chooseLocale, directionOf, matchLocale } from './locale.ts';

describe('choosing the widget language', () => {
  it('when data-locale names a supported language, then it wins over the page and the browser', () => {
    expect(chooseLocale({ attribute: 'ar', pageLang: 'en', browser: ['en-US'] })).toBe('ar');
    expect(chooseLocale({ attribute: 'en', pageLang: 'ar', browser: ['ar'] })).toBe('en');
  });

  it('when there is no data-locale, then the host page <html lang> decides', () => {
    expect(chooseLocale({ attribute: null, pageLang: 'ar-SA', browser: ['en-GB'] })).toBe('ar');
    expect(chooseLocale({ attribute: '', pageLang: 'en', browser: ['ar'] })).toBe('en');
  });

  it('when neither names a supported language, then the first supported browser language decides', () => {
    expect(chooseLocale({ attribute: 'fr', pageLang: 'de', browser: ['fr-FR', 'ar-EG', 'en'] })).toBe('ar');
    expect(chooseLocale({ pageLang: '', browser: ['en-US'] })).toBe('en');
  });

  it('when nothing matches, then English', () => {
    expect(chooseLocale({})).toBe('en');
    expect(chooseLocale({ attribute: 'fr', pageLang: 'tr', browser: ['de'] })).toBe('en');
  });

  it('when a tag has a region, odd case or an underscore, then its language is still found', () => {
    expect(matchLocale('AR_eg')).toBe('ar');
    expect(matchLocale(' en-Latn-US ')).toBe('en');
    expect(matchLocale('ara')).toBeNull();
    expect(matchLocale(undefined)).toBeNull();
  });

  it('when the language is Arabic, then the layout is right to left', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('en')).toBe('ltr');
  });
});
