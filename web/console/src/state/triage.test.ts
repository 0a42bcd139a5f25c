import { describe, expect, it } from 'vitest';
import type { IntentCategory, ModelVersion } from '../api/types';
import { translate } from '../i18n/translate';
import { conversation } from './test-data';
import {
  accuracyDelta, canRollBackTo, categoryNamePattern, compareUrgency, decisionKey, dialectKey, factKindKey, isProminentUrgency, parseExampleLines, percent,
  reasonLabel, selectableCategories, throttleDelay, urgencyRank,
} from './triage';

const label = (lang: 'en' | 'ar', code: string) => {
  const { key, vars } = reasonLabel(code);
  return translate(lang, key, vars);
};

describe('urgency order', () => {
  it('ranks low < normal < high < critical, with no reading below low', () => {
    expect([null, 'low', 'normal', 'high', 'critical'].map((l) => urgencyRank(l as never))).toEqual([-1, 0, 1, 2, 3]);
  });
  it('sorts the most urgent first, by level then score', () => {
    const list = [
      conversation(1, { urgency: 'normal', urgencyScore: 30 }),
      conversation(2, { urgency: 'critical', urgencyScore: 80 }),
      conversation(3),
      conversation(4, { urgency: 'high', urgencyScore: 50 }),
      conversation(5, { urgency: 'high', urgencyScore: 65 }),
    ];
    expect([...list].sort(compareUrgency).map((c) => c.number)).toEqual([2, 5, 4, 1, 3]);
  });
  it('makes only high and critical prominent', () => {
    expect(['low', 'normal', 'high', 'critical', null].map((l) => isProminentUrgency(l as never))).toEqual([false, false, true, true, false]);
  });
});

describe('reasonLabel', () => {
  it('reads every documented reason code in English and Arabic', () => {
    expect(label('en', 'wording:fraud')).toBe('Possible fraud');
    expect(label('ar', 'wording:charged_twice')).toBe('خصم مرتين');
    expect(label('en', 'wording:not_urgent')).toBe('Says it can wait');
    expect(label('en', 'sentiment:negative')).toBe('Upset customer');
    expect(label('en', 'tier:vip')).toBe('VIP customer');
    expect(label('ar', 'tier:vip')).toBe('عميل VIP');
    expect(label('en', 'tier:platinum')).toBe('Customer tier: platinum');
    expect(label('en', 'repeat:1')).toBe('Contacted us once already today');
    expect(label('en', 'repeat:2')).toBe('Contacted us 2 times today');
    expect(label('ar', 'repeat:3+')).toBe('تواصل معنا 3 مرات أو أكثر اليوم');
    expect(label('en', 'wait:>5m')).toBe('Waiting over 5 min');
    expect(label('en', 'wait:>15m')).toBe('Waiting over 15 min');
    expect(label('en', 'wait:>1h')).toBe('Waiting over 1 h');
    expect(label('ar', 'wait:>4h')).toBe('ينتظر منذ أكثر من 4 ساعة');
    expect(label('en', 'channel:voice')).toBe('On the phone');
  });
  it('shows a code it does not know as is rather than dropping it', () => {
    expect(label('en', 'wording:aliens')).toBe('Other: wording:aliens');
    expect(label('ar', 'mystery')).toBe('سبب آخر: mystery');
    expect(label('en', 'wait:>2d')).toBe('Other: wait:>2d');
  });
});

const category = (name: string, archived = false): IntentCategory => ({
  name, description: '', teamId: null, archived, examples: 3, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
});

describe('selectableCategories', () => {
  it('leaves archived ones out, except the current intent, and sorts by name', () => {
    const all = [category('refund'), category('old', true), category('charged_twice'), category('gone', true)];
    expect(selectableCategories(all, null).map((c) => c.name)).toEqual(['charged_twice', 'refund']);
    expect(selectableCategories(all, 'old').map((c) => c.name)).toEqual(['charged_twice', 'old', 'refund']);
  });
});

describe('category names and examples', () => {
  it('follows the server rule for names', () => {
    expect(categoryNamePattern.test('card.lost')).toBe(true);
    expect(categoryNamePattern.test('charged_twice')).toBe(true);
    expect(categoryNamePattern.test('Refund')).toBe(false);
    expect(categoryNamePattern.test('_x')).toBe(false);
    expect(categoryNamePattern.test('a'.repeat(65))).toBe(false);
  });
  it('reads one example per line, trimmed, without blanks or repeats', () => {
    expect(parseExampleLines(' where is my refund \r\n\n  \nوين فلوسي\nwhere is my refund\n')).toEqual(['where is my refund', 'وين فلوسي']);
    expect(parseExampleLines('')).toEqual([]);
  });
});

const version = (status: ModelVersion['status']): ModelVersion => ({
  id: 'v', version: 2, status, decision: '', labels: [], trainedOn: 10, heldOut: 4, score: { examples: 4, accuracy: 0.875, macroF1: 0.8 },
  activeScore: { examples: 4, accuracy: 0.75, macroF1: 0.7 }, trainMs: 5, createdAt: '2026-01-01T00:00:00Z', activatedAt: null,
});

describe('model versions', () => {
  it('shows scores as whole percent and the difference with the model in use in points', () => {
    expect(percent(0.875)).toBe(88);
    expect(percent(null)).toBeNull();
    expect(accuracyDelta(version('active').score, version('active').activeScore)).toBe(13);
    expect(accuracyDelta(version('active').score, null)).toBeNull();
  });
  it('offers roll back only to kept versions that are not in use', () => {
    expect(canRollBackTo(version('retired'))).toBe(true);
    expect(canRollBackTo(version('active'))).toBe(false);
    expect(canRollBackTo(version('refused'))).toBe(false);
  });
});

describe('throttleDelay', () => {
  it('fetches at once the first time or after the gap, else waits out the rest of the gap', () => {
    expect(throttleDelay(null, 1_000, 5_000)).toBe(0);
    expect(throttleDelay(1_000, 7_000, 5_000)).toBe(0);
    expect(throttleDelay(1_000, 3_000, 5_000)).toBe(3_000);
  });
});

describe('dialect and fact kinds', () => {
  it('knows the dialects and fact kinds triage reports, and nothing else', () => {
    expect(dialectKey('gulf')).toBe('dialect.gulf');
    expect(dialectKey('klingon')).toBeNull();
    expect(factKindKey('order_number')).toBe('fact.order_number');
    expect(factKindKey('url')).toBeNull();
  });
});

describe('decisionKey', () => {
  it('names the promotion decisions and leaves unknown ones to be shown as is', () => {
    expect(translate('en', decisionKey('worse_than_active')!)).toBe('Refused: worse than the model in use');
    expect(decisionKey('put_back')).toBe('decision.put_back');
    expect(decisionKey('whim')).toBeNull();
  });
});
