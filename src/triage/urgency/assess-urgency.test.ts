import { describe, expect, it } from 'vitest';
import { assessUrgency, baseScore, levelOf, wordingWeights, type UrgencyInput, type WordingReason } from './index.ts';

const calm = { label: 'neutral', score: 0 } as const;

function assess(text: string, extra: Partial<UrgencyInput> = {}) {
  return assessUrgency({ text, sentiment: calm, contactsInLastDay: 0, waitedSeconds: 0, ...extra });
}

/** Written for Sanad: each reason in English, Arabic (MSA and dialects) and, where common, Arabizi. */
const wordingCases: Record<WordingReason, string[]> = {
  safety: ['There is smoke coming out of the charger', 'the heater caught fire', 'في ريحة غاز في المطبخ', 'الجهاز كهربني', 'السواق تحرش فيني'],
  fraud: ['Someone used my card without my permission', "I didn't authorise this payment", 'عملية احتيال على بطاقتي', 'في عملية ما سويتها على حسابي', 'البطاقة اتسرقت'],
  hacked: ['My account was hacked', 'someone changed my password and took over my account', 'حسابي انهكر', 'تم اختراق حسابي', 'et7ak el account'],
  legal: ['I will call my lawyer', 'I am reporting you to the consumer protection agency', 'راح اشتكيكم لحماية المستهلك', 'هرفع عليكم قضية', 'سأتقدم بشكوى إلى البنك المركزي'],
  money_lost: ['Where is my money?', 'my balance disappeared overnight', 'فلوسي راحت', 'وين فلوسي؟', 'رصيدي اختفى'],
  charged_twice: ['I was charged twice for one order', 'there is a duplicate charge on my statement', 'انخصم المبلغ مرتين من حسابي', 'اتخصمت مرتين', 'خصم مكرر على البطاقة'],
  cannot_login: ["I can't log in to my account", 'I am locked out', 'ما اقدر ادخل على حسابي', 'مش قادر ادخل التطبيق', 'الكود ما وصل', 'msh 2ader ad5ol'],
  cancel: ['I want to cancel my subscription', 'I am switching to another provider', 'بدي الغي الاشتراك', 'ابي الغي حسابي', 'مش هتعامل معاكم تاني'],
  urgent: ['This is urgent', 'please reply ASAP', 'عاجل', 'ضروري الله يخليك', 'مستعجل جدا', 'رد علي فورا'],
};

describe('assessUrgency: wording', () => {
  for (const [reason, texts] of Object.entries(wordingCases)) {
    for (const text of texts) {
      it(`given "${text}", when assessed, then the reason is wording:${reason}`, () => {
        const result = assess(text);
        expect(result.reasons).toContain(`wording:${reason}`);
        expect(result.score).toBe(Math.min(100, baseScore + wordingWeights[reason as WordingReason]));
      });
    }
  }

  it('when a message is an ordinary question, then there is no reason and the level is normal', () => {
    for (const text of ['How do I change my delivery address?', 'كيف أغير عنوان التوصيل؟', 'شو أوقات الدوام؟']) {
      expect(assess(text)).toEqual({ level: 'normal', score: baseScore, reasons: [] });
    }
  });

  it('when the customer says it is not urgent, then urgency goes down', () => {
    expect(assess('not urgent, whenever you can')).toMatchObject({ level: 'low', reasons: ['wording:not_urgent'] });
    expect(assess('مش ضروري، براحتكم').reasons).toEqual(['wording:not_urgent']);
    expect(assess('no rush').reasons).toEqual(['wording:not_urgent']);
  });

  it('when a double charge is reported, then money_lost is not counted on top', () => {
    expect(assess('انخصم المبلغ مرتين').reasons).toEqual(['wording:charged_twice']);
  });

  it('when similar words are harmless, then nothing fires ("courtesy", "fire" as "fired up")', () => {
    expect(assess('thanks for the courtesy call').reasons).toEqual([]);
    expect(assess('I am fired up about the new plan').reasons).toEqual([]);
  });

  it('when Arabic is written with diacritics, hamza or tatweel, then it still matches', () => {
    expect(assess('عاجِل').reasons).toEqual(['wording:urgent']);
    expect(assess('تم إختراق حسابـــي').reasons).toEqual(['wording:hacked']);
  });
});

describe('assessUrgency: context', () => {
  it('when sentiment is negative, then the weight scales with how negative', () => {
    expect(assess('hi', { sentiment: { label: 'negative', score: -0.5 } })).toMatchObject({ score: 35, reasons: ['sentiment:negative'] });
    expect(assess('hi', { sentiment: { label: 'negative', score: -1 } }).score).toBe(40);
  });

  it('when a thankful message has no urgent wording, then it is low', () => {
    expect(assess('thanks, all sorted!', { sentiment: { label: 'positive', score: 0.8 } })).toMatchObject({ level: 'low', reasons: ['sentiment:positive'] });
    expect(assess('thanks, but my account was hacked', { sentiment: { label: 'positive', score: 0.8 } }).reasons).not.toContain('sentiment:positive');
  });

  it('when the customer is vip or enterprise, then the tier is a reason; standard and unknown tiers are not', () => {
    expect(assess('hi', { tier: 'VIP' })).toMatchObject({ score: 40, reasons: ['tier:vip'] });
    expect(assess('hi', { tier: 'enterprise' }).reasons).toEqual(['tier:enterprise']);
    expect(assess('hi', { tier: 'standard' }).reasons).toEqual([]);
    expect(assess('hi', { tier: null }).reasons).toEqual([]);
  });

  it('when the customer has written before today, then each earlier contact counts, capped at three', () => {
    expect(assess('hi', { contactsInLastDay: 1 }).reasons).toEqual(['repeat:1']);
    expect(assess('hi', { contactsInLastDay: 2 })).toMatchObject({ score: 40, reasons: ['repeat:2'] });
    expect(assess('hi', { contactsInLastDay: 7 })).toMatchObject({ score: 47, reasons: ['repeat:3+'] });
  });

  it('when the customer has waited, then the wait step is a reason', () => {
    expect(assess('hi', { waitedSeconds: 299 }).reasons).toEqual([]);
    expect(assess('hi', { waitedSeconds: 300 }).reasons).toEqual(['wait:>5m']);
    expect(assess('hi', { waitedSeconds: 900 }).reasons).toEqual(['wait:>15m']);
    expect(assess('hi', { waitedSeconds: 3_600 }).reasons).toEqual(['wait:>1h']);
    expect(assess('hi', { waitedSeconds: 5 * 3_600 })).toMatchObject({ score: 45, reasons: ['wait:>4h'] });
  });

  it('when the channel is a phone call or a public post, then it counts', () => {
    expect(assess('hi', { channel: 'phone' }).reasons).toEqual(['channel:voice']);
    expect(assess('hi', { channel: 'twitter' }).reasons).toEqual(['channel:public']);
    expect(assess('hi', { channel: 'email' }).reasons).toEqual([]);
  });
});

describe('assessUrgency: levels', () => {
  it('cuts levels at 20, 45 and 70', () => {
    expect([0, 19, 20, 44, 45, 69, 70, 100].map(levelOf)).toEqual(['low', 'low', 'normal', 'normal', 'high', 'high', 'critical', 'critical']);
  });

  it('given safety wording alone, then critical; fraud alone is high and fraud from an angry vip is critical', () => {
    expect(assess('smoke is coming out of the device').level).toBe('critical');
    expect(assess('fraud on my card').level).toBe('high');
    expect(assess('fraud on my card!!', { tier: 'vip', sentiment: { label: 'negative', score: -0.8 } }).level).toBe('critical');
  });

  it('given cannot-log-in alone, then normal (43); one earlier contact today makes it high (51)', () => {
    expect(assess("I can't log in")).toMatchObject({ level: 'normal', score: 43 });
    expect(assess("I can't log in", { contactsInLastDay: 1 })).toMatchObject({ level: 'high', score: 51 });
  });

  it('orders reasons by their weight and caps the score at 100', () => {
    const result = assess('حسابي انهكر وفي احتيال وراح اكلم المحامي، عاجل', { tier: 'vip', contactsInLastDay: 3, waitedSeconds: 20_000, sentiment: { label: 'negative', score: -0.9 } });
    expect(result.score).toBe(100);
    expect(result.level).toBe('critical');
    expect(result.reasons.slice(0, 3)).toEqual(['wording:fraud', 'wording:hacked', 'wording:legal']);
    expect(result.reasons).toEqual(expect.arrayContaining(['wording:urgent', 'tier:vip', 'repeat:3+', 'wait:>4h', 'sentiment:negative']));
  });

  it('is deterministic and never negative', () => {
    const input = { text: 'no rush, thanks!', sentiment: { label: 'positive', score: 0.9 } as const, contactsInLastDay: 0, waitedSeconds: 0 };
    expect(assessUrgency(input)).toEqual(assessUrgency(input));
    expect(assessUrgency(input).score).toBeGreaterThanOrEqual(0);
    expect(assessUrgency(input).level).toBe('low');
  });
});
