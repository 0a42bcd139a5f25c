import { describe, expect, it } from 'vitest';
import { arabiziToArabic, arabiziWords, transliterateArabizi } from './arabizi-rules.ts';

describe('transliterateArabizi', () => {
  it('when digits stand for Arabic letters, then each becomes its letter', () => {
    expect(transliterateArabizi('3ayez')).toBe('عايز');
    expect(transliterateArabizi('5odt')).toBe('خودت');
    expect(transliterateArabizi('7ob')).toBe('حوب');
    expect(transliterateArabizi('6ayeb')).toBe('طايب');
    expect(transliterateArabizi('9albi')).toBe('قلبي');
    expect(transliterateArabizi('sha8ala')).toBe('شاغاله');
    expect(transliterateArabizi("3'ali")).toBe('غالي');
  });

  it('when a medial "a" opens a syllable, then it is written ا, and in a closed one it is not', () => {
    expect(transliterateArabizi('nafs')).toBe('نفس');
    expect(transliterateArabizi('7aga')).toBe('حاجه');
    expect(transliterateArabizi('bghit')).toBe('بغيت');
  });

  it('when a word starts with a vowel or a hamza digit, then it starts with alef', () => {
    expect(transliterateArabizi('osbo3')).toBe('اسبوع');
    expect(transliterateArabizi('2ader')).toBe('ادر');
    expect(transliterateArabizi('ana')).toBe('انا');
  });

  it('when a consonant is doubled, then it is written once', () => {
    expect(transliterateArabizi('7awwel')).toBe('حول');
  });
});

describe('arabiziToArabic and arabiziWords', () => {
  it('when a frequent word is spelled with vowels the rules cannot guess, then the table gives it', () => {
    expect(arabiziToArabic('msh')).toBe('مش');
    expect(arabiziToArabic('bita2a')).toBe('بطاقه');
    expect(arabiziToArabic('flousi')).toBe('مصاريي');
  });

  it('when the Maghrebi article is glued on as l-, then the word is definite', () => {
    expect(arabiziToArabic('lflous')).toBe('المصاري');
    expect(arabiziToArabic('lbanka')).toBe('البنكه');
    expect(arabiziToArabic('leh')).toBe('ليش');
  });

  it('when the negation wraps the verb (ma…sh), then ما stands before it', () => {
    expect(arabiziToArabic('mawsletsh')).toBe('ما وسلت');
  });

  it('when the article is a separate word, then it joins the next one, and numbers are skipped', () => {
    expect(arabiziWords(['el', 'card', 'msh', 'sha8ala', '50'])).toEqual(['البطاقه', 'مش', 'شاغاله']);
  });
});
