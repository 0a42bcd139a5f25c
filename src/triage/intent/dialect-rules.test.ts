import { describe, expect, it } from 'vitest';
import { canonicalDialectWords, foldDialectLetters } from './dialect-rules.ts';
import { normalizeText, tokenize } from './normalize.ts';

const canonical = (text: string) => canonicalDialectWords(tokenize(normalizeText(text))).join(' ');

describe('canonicalDialectWords', () => {
  it('when "I want" is said in Egyptian, Gulf, Maghrebi or Tunisian, then it takes the Levantine form the training data knows', () => {
    for (const text of ['عايز', 'عاوزة', 'أبغى', 'بغيت', 'نحب', 'كنبغي', 'وعايز']) expect(canonical(text)).toBe('بدي');
  });

  it('when question words come from different dialects, then each meaning has one form', () => {
    expect(canonical('ازاي كيفاش شلون')).toBe('كيف كيف كيف');
    expect(canonical('فين علاش إمتى وقتاش شحال')).toBe('وين ليش متي متي قديش');
    expect(canonical('دلوقتي دابا الحين هسه')).toBe('الان الان الان الان');
  });

  it('when money, card and account are dialect or loan words, then they map with their article and possessive ending', () => {
    expect(canonical('الفلوس لفلوس فلوسي بيزات')).toBe('المصاري المصاري مصاريي مصاري');
    expect(canonical('الكارطة لاكارط كرتي بالكارت')).toBe('البطاقه البطاقه بطاقتي بالبطاقه');
    expect(canonical('الكونط كونطي للكونط')).toBe('الحساب حسابي للحساب');
  });

  it('when possession uses ديال, بتاع, متاع or Gulf حق, then it becomes تبع with the same person', () => {
    expect(canonical('ديالي بتاعي متاعي حقي ديالك بتاعنا')).toBe('تبعي تبعي تبعي تبعي تبعك تبعنا');
  });

  it('when the verb is negated with ما…ش, glued or not, then ما stands alone before the bare verb', () => {
    expect(canonical('ماوصلتش')).toBe('ما وصلت');
    expect(canonical('ما نقدرش')).toBe('ما بقدر');
    expect(canonical('منقدرش')).toBe('ما بقدر');
    expect(canonical('ماخدامش')).toBe('ما تعمل');
  });

  it('when a banking verb is in the Egyptian, Levantine or Maghrebi passive, then the stem is what remains', () => {
    expect(canonical('اتخصم انخصمت')).toBe('خصم خصمت');
    expect(canonical('تسرقات')).toBe('سرقت');
  });

  it('when Maghrebi "twice" is جوج مرات, then it reads مرتين', () => {
    expect(canonical('تقطعو مني جوج مرات')).toBe('تقطعو مني مرتين');
  });

  it('when words are Modern Standard Arabic, English or look like a dialect word only by their letters, then they stay as they were', () => {
    const msa = 'لماذا تم رفض الدفع من بطاقتي الائتمانية فكرت ان الحساب يعمل';
    expect(canonical(msa)).toBe(tokenize(normalizeText(msa)).join(' '));
    expect(canonical('my card was declined twice')).toBe('my card was declined twice');
    expect(canonical('فيزا ماستركارد كتبي')).toBe('فيزا ماستركارد كتبي');
  });

  it('when letters only dialect writing uses appear (گ, چ, ڤ, پ), then they fold to Arabic letters', () => {
    expect(foldDialectLetters('گال چان ڤيزا پاي')).toBe('قال كان فيزا باي');
  });
});
