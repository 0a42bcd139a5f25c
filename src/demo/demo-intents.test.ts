import { describe, expect, it } from 'vitest';
import { identifyLanguage, trainIntentModel } from '../triage/index.ts';
import { demoIntents } from './demo-intents.ts';

const examples = demoIntents.flatMap((intent) => intent.examples.map((text) => ({ text, label: intent.name })));

/** Paraphrases in dialects and Arabizi that are not among the demo examples. */
const paraphrases: Array<[string, string]> = [
  ['ابغى استرجع فلوسي لو سمحت', 'refund'],
  ['عايز الفلوس بتاعتي ترجع', 'refund'],
  ['bghit nrej3o lia flousi', 'refund'],
  ['انخصم مني مرتين على نفس الطلب', 'charged_twice'],
  ['tkhlst jouj merrat', 'charged_twice'],
  ['الكارطة ديالي ما بغاتش تخلص', 'payment_failed'],
  ['el card bterfod kol mara', 'payment_failed'],
  ['بغيت الفاتورة عافاك', 'invoice'],
  ['ما نقدرش ندخل للحساب', 'login'],
  ['nseet el password', 'login'],
  ['لابليكاسيون كتبلوكا', 'app_problem'],
  ['فين الأوردر بتاعي؟', 'delivery'],
  ['lcommande dyali mazal ma wslatch', 'delivery'],
  ['بدي الغي الطلبية', 'order_change'],
];

describe('the demo categories', () => {
  it('when every category is read, then each has Arabic examples in at least three spoken dialects and two in Arabizi', () => {
    for (const intent of demoIntents) {
      const readings = intent.examples.map((text) => identifyLanguage(text));
      expect(readings.filter((r) => r.language === 'ar-Latn').length).toBeGreaterThanOrEqual(2);
      const dialects = new Set(readings.filter((r) => r.language === 'ar' && r.dialect !== 'msa').map((r) => r.dialect));
      expect(dialects.size).toBeGreaterThanOrEqual(3);
    }
  });

  it('when a model learns them, then most dialect and Arabizi paraphrases it never saw get the right category', () => {
    const model = trainIntentModel(examples, { seed: 42 });
    const right = paraphrases.filter(([text, label]) => model.classify(text).ranked[0]?.label === label);
    expect(right.length).toBeGreaterThanOrEqual(Math.ceil(paraphrases.length * 0.7));
  });

  it('when a model learns only the first twelve examples of each category (few in dialects) with the dialect rules off, then fewer paraphrases are right than with them on', () => {
    const fewer = demoIntents.flatMap((intent) => intent.examples.slice(0, 12).map((text) => ({ text, label: intent.name })));
    const top1 = (dialects: number) => {
      const model = trainIntentModel(fewer, { seed: 42, features: { dialects } });
      return paraphrases.filter(([text, label]) => model.classify(text).ranked[0]?.label === label).length;
    };
    expect(top1(1)).toBeGreaterThan(top1(0));
  });
});
