import { describe, expect, it } from 'vitest';
import { sentimentFixtures } from './fixtures.test-data.ts';
import { readSentiment } from './index.ts';

describe('readSentiment: written support messages', () => {
  it('has fixtures in every variety', () => {
    const varieties = new Set(sentimentFixtures.map((f) => f.variety));
    expect([...varieties].sort()).toEqual(['arabizi', 'egyptian', 'en', 'gulf', 'levantine', 'maghrebi', 'mixed', 'msa']);
    expect(sentimentFixtures.length).toBeGreaterThanOrEqual(60);
  });

  for (const fixture of sentimentFixtures) {
    it(`given a ${fixture.variety} message "${fixture.text}", when read, then it is ${fixture.label}${fixture.cue ? ` because of ${fixture.cue}` : ''}`, () => {
      const result = readSentiment(fixture.text, fixture.language);
      expect(result.label).toBe(fixture.label);
      if (fixture.cue) expect(result.cues).toContain(fixture.cue);
    });
  }
});

describe('readSentiment: scores and confidence', () => {
  it('when a message is positive, then the score is above zero, and below zero for negative', () => {
    expect(readSentiment('thank you, excellent service').score).toBeGreaterThan(0);
    expect(readSentiment('terrible service').score).toBeLessThan(0);
  });

  it('when the evidence piles up, then score and confidence grow', () => {
    const one = readSentiment('bad');
    const many = readSentiment('bad, terrible, the worst 😡');
    expect(Math.abs(many.score)).toBeGreaterThan(Math.abs(one.score));
    expect(many.confidence).toBeGreaterThan(one.confidence);
  });

  it('when praise and complaint are mixed, then confidence is lower than for a one-sided message', () => {
    expect(readSentiment('شكرا بس الخدمة سيئة').confidence).toBeLessThan(readSentiment('الخدمة سيئة وزفت').confidence);
  });

  it('when an intensifier or stretched letters stand by a word, then it weighs more', () => {
    expect(readSentiment('very bad').score).toBeLessThan(readSentiment('bad').score);
    expect(readSentiment('شكراااا').score).toBeGreaterThan(readSentiment('شكرا').score);
  });

  it('when "but" splits a message, then the second half counts more', () => {
    expect(readSentiment('good product but terrible delivery').label).toBe('negative');
    expect(readSentiment('التوصيل تأخر بس المنتج ممتاز').label).toBe('positive');
  });

  it('when the caller says the text is English, then Arabizi words are not read', () => {
    expect(readSentiment('zift', 'ar-Latn').label).toBe('negative');
    expect(readSentiment('zift', 'en').label).toBe('neutral');
  });

  it('when a question mark follows a URL, then "https://" is not read as the emoticon ":/"', () => {
    expect(readSentiment('see https://example.com/help').cues).toEqual([]);
  });

  it('stays inside its ranges and is deterministic', () => {
    for (const { text } of sentimentFixtures) {
      const result = readSentiment(text);
      expect(result.score).toBeGreaterThanOrEqual(-1);
      expect(result.score).toBeLessThanOrEqual(1);
      expect(result.confidence).toBeGreaterThanOrEqual(0);
      expect(result.confidence).toBeLessThanOrEqual(1);
      expect(readSentiment(text)).toEqual(result);
    }
  });
});

describe('readSentiment: edge cases', () => {
  it('when the text is empty or blank, then it is neutral with no confidence and no cues', () => {
    expect(readSentiment('')).toEqual({ label: 'neutral', score: 0, confidence: 0, cues: [] });
    expect(readSentiment('   \n ')).toEqual({ label: 'neutral', score: 0, confidence: 0, cues: [] });
  });

  it('when the text is only digits or punctuation, then there is nothing to read', () => {
    expect(readSentiment('48213 ٤٨٢١٣')).toMatchObject({ label: 'neutral', confidence: 0 });
    expect(readSentiment('...')).toMatchObject({ label: 'neutral', confidence: 0 });
  });

  it('when the text is only emoji, then the emoji decide', () => {
    expect(readSentiment('😡😡😡')).toMatchObject({ label: 'negative', cues: ['emoji:😡'] });
    expect(readSentiment('🙏🌹')).toMatchObject({ label: 'positive' });
    expect(readSentiment('🤦‍♂️').cues).toEqual(['emoji:🤦']);
  });

  it('when an emoji repeats, then it weighs more, but with diminishing returns', () => {
    const one = readSentiment('😡').score;
    const three = readSentiment('😡😡😡').score;
    const ten = readSentiment('😡'.repeat(10)).score;
    expect(three).toBeLessThan(one);
    expect(ten).toBeGreaterThanOrEqual(-1);
  });

  it('when a message is very long, then it is read in time and stays in range', () => {
    const long = `${'the order arrived late and the box was broken. '.repeat(400)}thanks anyway`;
    const started = performance.now();
    const result = readSentiment(long);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.label).toBe('negative');
    expect(result.score).toBeGreaterThanOrEqual(-1);
  });

  it('when diacritics, tatweel or hamza forms vary, then the reading is the same', () => {
    expect(readSentiment('شُكْرًا جَزِيلًا').label).toBe('positive');
    expect(readSentiment('الخدمــــة سيئـــة').label).toBe('negative');
    expect(readSentiment('اسوأ خدمة').cues).toEqual(readSentiment('أسوأ خدمة').cues);
  });
});
