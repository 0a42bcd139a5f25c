import { describe, expect, it } from 'vitest';
import { splitExamples, type LabelledExample } from './example-rules.ts';
import { decidePromotion } from './promotion-rules.ts';

const at = (n: number) => new Date(Date.UTC(2026, 10, 1, 0, 0, n));
function examples(label: string, count: number, source: LabelledExample['source'] = 'curated', offset = 0): LabelledExample[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${label}-${source}-${i + offset}`, label, text: `${label} ${i}`, lang: 'en', source, createdAt: at(i + offset) }));
}

describe('which examples teach and which judge', () => {
  it('when a label has many curated examples, then one in five is held back, never its first six', () => {
    const { train, heldOut } = splitExamples(examples('refund', 202));
    expect(heldOut).toHaveLength(40);
    expect(train).toHaveLength(162);
    expect(heldOut[0]?.id).toBe('refund-curated-6');
    expect(heldOut[1]?.id).toBe('refund-curated-11');
  });

  it('when a label has only a few examples, then all of them teach', () => {
    expect(splitExamples(examples('refund', 6)).heldOut).toEqual([]);
    expect(splitExamples(examples('refund', 7)).heldOut.map((e) => e.id)).toEqual(['refund-curated-6']);
  });

  it('when the examples are split again, in any order or with more added, then each stays on its side', () => {
    const first = splitExamples(examples('refund', 50));
    const again = splitExamples([...examples('refund', 50), ...examples('refund', 20, 'curated', 50)].reverse());
    const heldNow = new Set(again.heldOut.map((e) => e.id));
    for (const e of first.heldOut) expect(heldNow.has(e.id)).toBe(true);
    for (const e of first.train) expect(heldNow.has(e.id)).toBe(false);
  });

  it('when agents label conversations, then every agent label teaches and none judges', () => {
    const { train, heldOut } = splitExamples([...examples('login', 100, 'agent'), ...examples('login', 2)]);
    expect(heldOut).toEqual([]);
    expect(train).toHaveLength(102);
  });
});

describe('whether a new model ships', () => {
  const score = (accuracy: number, macroF1 = accuracy, n = 40) => ({ examples: n, accuracy, macroF1 });

  it('when there is no model yet, then the first one ships', () => {
    expect(decidePromotion(score(0.5), null)).toEqual({ ship: true, reason: 'first_model' });
  });

  it('when the candidate is at least as good, then it ships; when worse, it is refused', () => {
    expect(decidePromotion(score(0.9), score(0.85))).toEqual({ ship: true, reason: 'not_worse' });
    expect(decidePromotion(score(0.85), score(0.85))).toEqual({ ship: true, reason: 'not_worse' });
    expect(decidePromotion(score(0.8), score(0.85))).toEqual({ ship: false, reason: 'worse_than_active' });
    expect(decidePromotion(score(0.85, 0.7), score(0.85, 0.8))).toEqual({ ship: false, reason: 'worse_than_active' });
  });

  it('when nothing is held back, then the model in use stays', () => {
    expect(decidePromotion(score(1, 1, 0), score(0.9))).toEqual({ ship: false, reason: 'nothing_to_judge_by' });
  });
});
