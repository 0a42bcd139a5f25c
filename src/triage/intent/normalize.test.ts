import { describe, expect, it } from 'vitest';
import { countFeatures, defaultFeatureOptions } from './features.ts';
import { normalizeText, tokenize } from './normalize.ts';

describe('normalizeText', () => {
  it('when English text has capitals and stretched letters, then it is lower-cased and runs shrink to two', () => {
    expect(normalizeText('Sooooo COOL, my Account!!!')).toBe('soo cool, my account!!');
  });

  it('when Arabic text carries diacritics and tatweel, then both are removed', () => {
    expect(normalizeText('كَلِمَةُ السِّرّ')).toBe(normalizeText('كلمة السر'));
    expect(normalizeText('شكـــــرا')).toBe('شكرا');
  });

  it('when alef forms, alef maqsura and ta marbuta vary, then they are unified', () => {
    expect(normalizeText('أحمد إبراهيم آمن')).toBe('احمد ابراهيم امن');
    expect(normalizeText('إلى المدرسة')).toBe('الي المدرسه');
  });

  it('when digits are Arabic-Indic or Persian, then they become ASCII', () => {
    expect(normalizeText('رقم ٠١٢٣٤٥٦٧٨٩ و ۱۲۳')).toBe('رقم 0123456789 و 123');
  });

  it('when an Arabic letter is stretched, then the run becomes one letter, and real double letters stay', () => {
    expect(normalizeText('نسيييت')).toBe('نسيت');
    expect(normalizeText('ممكن')).toBe('ممكن');
  });

  it('when text is in presentation forms, then NFKC folds it to ordinary letters', () => {
    expect(normalizeText('ﻻ')).toBe('لا');
    expect(normalizeText('ｃａｒｄ')).toBe('card');
  });

  it('when a normalised text is tokenised, then punctuation splits words in both scripts', () => {
    expect(tokenize(normalizeText('Where is my card? وين البطاقة؟'))).toEqual(['where', 'is', 'my', 'card', 'وين', 'البطاقه']);
  });
});

describe('countFeatures', () => {
  it('when the same text is counted twice, then the buckets and counts are identical and ascending', () => {
    const a = countFeatures('my card is lost', defaultFeatureOptions);
    const b = countFeatures('MY card is lost!', defaultFeatureOptions);
    expect([...a.indices]).toEqual([...b.indices]);
    expect([...a.values]).toEqual([...b.values]);
    expect([...a.indices]).toEqual([...a.indices].sort((x, y) => x - y));
  });

  it('when spelling differs only by diacritics, then the features are the same', () => {
    expect([...countFeatures('فَقَدْتُ بِطَاقَتِي', defaultFeatureOptions).indices]).toEqual([...countFeatures('فقدت بطاقتي', defaultFeatureOptions).indices]);
  });
});
