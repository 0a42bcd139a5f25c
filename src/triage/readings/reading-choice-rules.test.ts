import { describe, expect, it } from 'vitest';
import { proposeIntent, proposeUrgency } from './reading-choice-rules.ts';

const none = { intent: null, intentConfidence: null, intentSource: null };

describe('which intent a conversation takes', () => {
  it('when the first message is read in scope, then the conversation takes it', () => {
    expect(proposeIntent(none, { label: 'refund', confidence: 0.7 }, 'oos')).toEqual({ intent: 'refund', intentConfidence: 0.7 });
  });

  it('when a message is out of scope or there is no model, then nothing is proposed', () => {
    expect(proposeIntent(none, { label: 'oos', confidence: 0.2 }, 'oos')).toBeNull();
    expect(proposeIntent(none, null, 'oos')).toBeNull();
  });

  it('when a later message is read with less confidence, then the earlier intent stays; with more, it changes', () => {
    const refund = { intent: 'refund', intentConfidence: 0.7, intentSource: 'model' as const };
    expect(proposeIntent(refund, { label: 'greeting', confidence: 0.5 }, 'oos')).toBeNull();
    expect(proposeIntent(refund, { label: 'card_lost', confidence: 0.9 }, 'oos')).toEqual({ intent: 'card_lost', intentConfidence: 0.9 });
  });

  it('when an agent chose the intent, then no reading changes it', () => {
    expect(proposeIntent({ intent: 'billing', intentConfidence: null, intentSource: 'agent' }, { label: 'refund', confidence: 0.99 }, 'oos')).toBeNull();
  });
});

describe('how urgent a conversation is', () => {
  it('when a message reads more urgent, then the conversation takes it; when less, it keeps the higher one', () => {
    expect(proposeUrgency({ urgencyScore: null }, { score: 20 })).toEqual({ score: 20 });
    expect(proposeUrgency({ urgencyScore: 40 }, { score: 75 })).toEqual({ score: 75 });
    expect(proposeUrgency({ urgencyScore: 75 }, { score: 30 })).toBeNull();
  });
});
