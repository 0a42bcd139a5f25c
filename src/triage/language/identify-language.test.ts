import { describe, expect, it } from 'vitest';
import { languageFixtures, type LanguageFixture } from './fixtures.ts';
import { identifyLanguage } from './identify-language.ts';

function classOf(fixture: LanguageFixture): string {
  if (fixture.mixed) return `mixed (${fixture.language})`;
  return fixture.language === 'ar' ? `ar ${fixture.dialect ?? 'msa'}` : fixture.language;
}

function isRight(fixture: LanguageFixture): boolean {
  const guess = identifyLanguage(fixture.text);
  if (guess.language !== fixture.language || guess.mixed !== (fixture.mixed ?? false)) return false;
  return fixture.dialect === undefined || guess.dialect === fixture.dialect;
}

describe('identifyLanguage on the labelled fixtures', () => {
  it('when every fixture is read, then at least 90% get language, mixing and dialect right', () => {
    expect(languageFixtures.length).toBeGreaterThanOrEqual(150);
    const perClass = new Map<string, { right: number; total: number; misses: string[] }>();
    for (const fixture of languageFixtures) {
      const entry = perClass.get(classOf(fixture)) ?? { right: 0, total: 0, misses: [] };
      entry.total += 1;
      if (isRight(fixture)) entry.right += 1;
      else entry.misses.push(`${fixture.text} → ${JSON.stringify(identifyLanguage(fixture.text))}`);
      perClass.set(classOf(fixture), entry);
    }
    const right = [...perClass.values()].reduce((sum, e) => sum + e.right, 0);
    const accuracy = right / languageFixtures.length;
    const table = [...perClass].map(([name, e]) => `  ${name.padEnd(16)} recall ${(e.right / e.total).toFixed(2)} (${e.right}/${e.total})`);
    console.log(`language id accuracy ${accuracy.toFixed(3)} on ${languageFixtures.length} messages\n${table.join('\n')}`);
    const misses = [...perClass.values()].flatMap((e) => e.misses);
    if (misses.length > 0) console.log(`misses:\n  ${misses.join('\n  ')}`);
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('when only the language is compared (dialect aside), then at least 95% are right', () => {
    const right = languageFixtures.filter((f) => identifyLanguage(f.text).language === f.language).length;
    expect(right / languageFixtures.length).toBeGreaterThanOrEqual(0.95);
  });
});

describe('identifyLanguage edge cases', () => {
  it('when the message is empty or blank, then it is und with no script', () => {
    expect(identifyLanguage('')).toEqual({ language: 'und', script: 'none', confidence: 0, mixed: false });
    expect(identifyLanguage('   \n ')).toMatchObject({ language: 'und', script: 'none' });
  });

  it('when the message holds only digits (ASCII or Arabic-Indic), then it is und', () => {
    expect(identifyLanguage('48213')).toMatchObject({ language: 'und', confidence: 0 });
    expect(identifyLanguage('٤٨٢١٣ - 0551234567')).toMatchObject({ language: 'und', confidence: 0 });
  });

  it('when the message holds only emoji and punctuation, then it is und', () => {
    expect(identifyLanguage('👍🙏😡!!')).toMatchObject({ language: 'und', script: 'none' });
    expect(identifyLanguage('???')).toMatchObject({ language: 'und' });
  });

  it('when the message is only a URL or an email address, then it is und: they are not English words', () => {
    expect(identifyLanguage('https://shop.example.com/orders/48213?track=yes')).toMatchObject({ language: 'und' });
    expect(identifyLanguage('support.team@example.com')).toMatchObject({ language: 'und' });
  });

  it('when Arabic text carries a URL and an email, then it stays Arabic and is not mixed', () => {
    const guess = identifyLanguage('أرسلت الصورة على billing@example.com والرابط https://example.com/track/123');
    expect(guess).toMatchObject({ language: 'ar', script: 'Arab', mixed: false });
  });

  it('when the text is in another script only, then it is und with script other', () => {
    expect(identifyLanguage('Здравствуйте, где мой заказ?')).toMatchObject({ language: 'und', script: 'other' });
  });

  it('when Arabizi uses digits as letters, then it is ar-Latn with an Egyptian dialect guess', () => {
    expect(identifyLanguage('ana 3ayez a5od flosy')).toMatchObject({ language: 'ar-Latn', script: 'Latn', dialect: 'egyptian' });
  });

  it('when Darija mixes in French words, with the article glued on (lcompte) or the verb wrapped in ma…ch, then it is ar-Latn, not French', () => {
    expect(identifyLanguage('3afak bghit nbeddel lmot de passe')).toMatchObject({ language: 'ar-Latn' });
    expect(identifyLanguage('lcompte dyali mabqach khdam')).toMatchObject({ language: 'ar-Latn', dialect: 'maghrebi' });
    expect(identifyLanguage('mafhemtch la facture')).toMatchObject({ language: 'ar-Latn' });
  });

  it('when French writes the article with an apostrophe or English has a word like "mismatch", then they keep their language', () => {
    expect(identifyLanguage("l'application ne marche pas depuis hier")).toMatchObject({ language: 'fr' });
    expect(identifyLanguage('there is a mismatch between my invoice and the payment')).toMatchObject({ language: 'en' });
  });

  it('when Darija names its loans in Arabic script (الكارط, الكونط) or uses جوج, then the dialect is maghrebi', () => {
    expect(identifyLanguage('تقطعو ليا جوج مرات من الكارط')).toMatchObject({ language: 'ar', dialect: 'maghrebi' });
    expect(identifyLanguage('الكونط تبلوكا')).toMatchObject({ language: 'ar', dialect: 'maghrebi' });
  });

  it('when English mentions a product with digits (iPhone 15, PS5), then it stays English', () => {
    expect(identifyLanguage('my PS5 controller stopped working after the update')).toMatchObject({ language: 'en' });
    expect(identifyLanguage('the iPhone 15 case I ordered is the wrong colour')).toMatchObject({ language: 'en' });
  });

  it('when Arabic has no dialect marker, then the dialect is msa', () => {
    expect(identifyLanguage('أرجو إلغاء الطلب')).toMatchObject({ language: 'ar', dialect: 'msa' });
  });

  it('when Arabic and English share a message, then it is mixed with the dominant language', () => {
    expect(identifyLanguage('عندي مشكلة في ال login')).toMatchObject({ language: 'ar', mixed: true, script: 'mixed' });
    expect(identifyLanguage('my order لم يصل yet, please check')).toMatchObject({ language: 'en', mixed: true });
  });

  it('when an Arabic message names one short Latin token, then it is not mixed', () => {
    expect(identifyLanguage('الطلب رقم T-7731 لم يصل حتى الآن')).toMatchObject({ language: 'ar', mixed: false });
  });

  it('when any guess is made, then confidence lies between 0 and 1', () => {
    for (const fixture of languageFixtures) {
      const { confidence } = identifyLanguage(fixture.text);
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
  });
});
