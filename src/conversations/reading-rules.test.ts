import { describe, expect, it } from 'vitest';
import { mergeReading, sameReading, type ConversationReading } from './reading-rules.ts';

const empty: ConversationReading = {
  intent: null, intentConfidence: null, intentSource: null, sentiment: null, sentimentScore: null, urgency: null, urgencyScore: null, urgencyReasons: [],
};

describe('conversation readings', () => {
  it('when a model reads an intent, then the conversation takes it with the model as source', () => {
    expect(mergeReading(empty, { intent: 'refund', intentConfidence: 0.8 })).toMatchObject({ intent: 'refund', intentConfidence: 0.8, intentSource: 'model' });
  });

  it('when an agent set the intent, then a later model reading changes mood and urgency but not the intent', () => {
    const agentSet = mergeReading(empty, { intent: 'billing', intentConfidence: null, intentSource: 'agent' });
    const next = mergeReading(agentSet, { intent: 'refund', intentConfidence: 0.9, sentiment: 'negative', sentimentScore: -0.7, urgency: 'high', urgencyScore: 70, urgencyReasons: ['sentiment:negative'] });
    expect(next).toEqual({
      intent: 'billing', intentConfidence: null, intentSource: 'agent', sentiment: 'negative', sentimentScore: -0.7, urgency: 'high', urgencyScore: 70, urgencyReasons: ['sentiment:negative'],
    });
  });

  it('when another agent re-categorises, then the agent wins again', () => {
    const agentSet = mergeReading(empty, { intent: 'billing', intentSource: 'agent' });
    expect(mergeReading(agentSet, { intent: 'login', intentSource: 'agent' })).toMatchObject({ intent: 'login', intentSource: 'agent' });
  });

  it('when fields are left out, then they stay; and equal readings compare equal', () => {
    const read = mergeReading(empty, { sentiment: 'positive', sentimentScore: 0.5 });
    expect(mergeReading(read, {})).toEqual(read);
    expect(sameReading(read, mergeReading(read, {}))).toBe(true);
    expect(sameReading(read, mergeReading(read, { urgencyReasons: ['x'] }))).toBe(false);
  });
});
