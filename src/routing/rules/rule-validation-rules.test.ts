import { describe, expect, it } from 'vitest';
import { planRoutingEffects, type RoutedConversation } from './routing-effects-rules.ts';
import { describeProblems, validateRoutingRule, type RuleDraft } from './rule-validation-rules.ts';

const channels = ['chat', 'email', 'whatsapp'];
const team = '01a20000-0000-7000-8000-00000000b111';
const check = (over: Partial<RuleDraft>) => validateRoutingRule({ name: 'Billing', conditions: [], actions: { teamId: team }, ...over }, { channels });
const paths = (over: Partial<RuleDraft>) => check(over).problems.map((p) => `${p.path}: ${p.message}`);

describe('checking a rule an admin wrote', () => {
  it('when the rule is sound, then it comes back tidied: trimmed, channels and languages folded, skills folded and once, days once', () => {
    const { rule, problems } = check({
      name: '  VIP refunds ',
      conditions: [
        { field: 'Channel', op: 'in', value: ['Chat', ' whatsapp'] },
        { field: 'language', op: 'is', value: 'AR-eg' },
        { field: 'contact.Tier', op: 'is', value: ' Gold ' },
        { field: 'time', op: 'between', value: { days: ['SUN', 'mon', 'sun'], from: '22:00', to: '02:00' } },
        { field: 'contact.plan', op: 'exists' },
      ],
      actions: { teamId: team, addSkills: ['Refunds', 'refunds ', 'VIP'], priority: 'high' },
    });
    expect(problems).toEqual([]);
    expect(rule).toEqual({
      name: 'VIP refunds', enabled: true, stop: false,
      conditions: [
        { field: 'channel', op: 'in', value: ['chat', 'whatsapp'] },
        { field: 'language', op: 'is', value: 'ar-eg' },
        { field: 'contact.Tier', op: 'is', value: 'Gold' },
        { field: 'time', op: 'between', value: { days: ['sun', 'mon'], from: '22:00', to: '02:00' } },
        { field: 'contact.plan', op: 'exists', value: true },
      ],
      actions: { teamId: team, addSkills: ['refunds', 'vip'], priority: 'high' },
    });
  });

  it('when a value has the wrong shape for its op, then the problem names the condition and the value', () => {
    expect(paths({ conditions: [{ field: 'intent', op: 'is', value: 'refund' }, { field: 'intent', op: 'in', value: 'refund' }] }))
      .toEqual(['conditions[1].value: expected a list of 1 to 100 values for op "in"']);
    expect(paths({ conditions: [{ field: 'intent', op: 'is', value: ['refund'] }] })).toEqual(['conditions[0].value: expected one value (text, number or true/false) for op "is"']);
    expect(paths({ conditions: [{ field: 'intent', op: 'contains', value: 3 }] })).toEqual(['conditions[0].value: expected some text for op "contains"']);
    expect(paths({ conditions: [{ field: 'intent', op: 'is', value: '  ' }] })).toEqual(['conditions[0].value: expected one value (text, number or true/false) for op "is"']);
    expect(paths({ conditions: [{ field: 'contact.tier', op: 'exists', value: 'yes' }] })).toEqual(['conditions[0].value: expected true or false for op "exists" (or leave it out for true)']);
    expect(paths({ conditions: [{ field: 'contact.tier', op: 'not_in', value: ['gold', { a: 1 }] }] }))
      .toEqual(['conditions[0].value[1]: expected text (up to 200 characters), a number or true/false']);
  });

  it('when a field or op does not exist or does not fit, then it says which would', () => {
    expect(paths({ conditions: [{ field: 'colour', op: 'is', value: 'red' }] }))
      .toEqual(['conditions[0].field: "colour" is not a field (channel, language, intent, time or contact.<attribute>)']);
    expect(paths({ conditions: [{ field: 'constructor', op: 'is', value: 'x' }, { field: 'contact.', op: 'is', value: 'x' }] })).toHaveLength(2);
    expect(paths({ conditions: [{ field: 'channel', op: 'contains', value: 'ch' }] })).toEqual(['conditions[0].op: "contains" does not apply to channel (use is, is_not, in, not_in)']);
    expect(paths({ conditions: [{ field: 'time', op: 'is', value: '09:00' }] })).toEqual(['conditions[0].op: "is" does not apply to time (use between, not_between)']);
    expect(paths({ conditions: [{ field: 'contact.tier', op: 'between', value: { from: '09:00', to: '10:00' } }] }))
      .toEqual(['conditions[0].op: "between" does not apply to contact attributes (use is, is_not, in, not_in, contains, exists)']);
  });

  it('when a channel or a language tag is unknown, then it is refused: such a rule could never match', () => {
    expect(paths({ conditions: [{ field: 'channel', op: 'in', value: ['chat', 'fax'] }] })).toEqual(['conditions[0].value[1]: "fax" is not a channel (chat, email, whatsapp)']);
    expect(paths({ conditions: [{ field: 'language', op: 'is', value: 'Arabic' }] })).toEqual(['conditions[0].value: "Arabic" is not a language tag (e.g. ar, ar-EG, en)']);
  });

  it('when a time window is malformed, then each part is named', () => {
    expect(paths({ conditions: [{ field: 'time', op: 'between', value: { days: ['mon', 'someday'], from: '9am', to: '24:00', tz: 'UTC' } }] })).toEqual([
      'conditions[0].value.tz: unknown field (use days, from, to)',
      'conditions[0].value.from: expected a time "HH:MM" from 00:00 to 23:59',
      'conditions[0].value.days[1]: "someday" is not a day (sun, mon, tue, wed, thu, fri, sat)',
    ]);
    expect(paths({ conditions: [{ field: 'time', op: 'between', value: { from: '10:00', to: '10:00' } }] }))
      .toEqual(['conditions[0].value.to: from and to are the same; for the whole day use 00:00 to 24:00']);
    expect(paths({ conditions: [{ field: 'time', op: 'between', value: { days: [], from: '10:00', to: '24:60' } }] })).toHaveLength(2);
    expect(paths({ conditions: [{ field: 'time', op: 'between', value: ['09:00', '17:00'] }] }))
      .toEqual(['conditions[0].value: expected { days?, from: "HH:MM", to: "HH:MM" } for a time window']);
  });

  it('when the actions are empty or wrong, then they are refused; a rule that only stops is fine', () => {
    expect(paths({ actions: {} })).toEqual(['actions: give at least one of teamId, addSkills, priority (or set stop)']);
    expect(check({ actions: {}, stop: true }).problems).toEqual([]);
    expect(paths({ actions: { priority: 'asap', addSkills: [' '], teamId: 'billing' } })).toEqual([
      'actions.teamId: expected a team id or null',
      'actions.addSkills[0]: expected a skill name of 1 to 50 characters',
      'actions.priority: expected one of low, normal, high, urgent',
    ]);
    expect(check({ actions: { teamId: null } }).problems).toEqual([]);
  });

  it('when there are several problems, then the message gives the first and counts the rest', () => {
    const { problems } = check({ name: ' ', actions: {} });
    expect(describeProblems(problems)).toBe('name: give the rule a name of 1 to 100 characters (and 1 more problem)');
  });
});

describe('what applying an outcome may change', () => {
  const conversation = (over: Partial<RoutedConversation> = {}): RoutedConversation => ({ status: 'open', ownerId: null, teamId: null, priority: 'normal', ...over });
  const billing = team;
  const other = '01a20000-0000-7000-8000-00000000c222';

  it('when nobody has sorted the conversation, then team and a higher priority are applied', () => {
    expect(planRoutingEffects(conversation(), { teamId: billing, priority: 'high', skills: [], matchedRuleIds: [] }, undefined)).toEqual({ teamId: billing, priority: 'high', kept: [] });
  });

  it('when rules chose the team before, then they may move it again; a team a person chose stays', () => {
    const outcome = { teamId: billing, skills: [], matchedRuleIds: [] };
    expect(planRoutingEffects(conversation({ teamId: other }), outcome, other)).toEqual({ teamId: billing, kept: [] });
    expect(planRoutingEffects(conversation({ teamId: other }), outcome, null)).toEqual({ kept: ['team_set_by_hand'] });
    expect(planRoutingEffects(conversation({ teamId: other }), outcome, undefined)).toEqual({ kept: ['team_set_by_hand'] });
  });

  it('when someone owns the conversation, then the team stays (moving it would be a transfer)', () => {
    expect(planRoutingEffects(conversation({ ownerId: 'a1' }), { teamId: billing, skills: [], matchedRuleIds: [] }, undefined)).toEqual({ kept: ['has_owner'] });
  });

  it('when the rules ask for a lower priority than the conversation has, then it stays', () => {
    expect(planRoutingEffects(conversation({ priority: 'urgent' }), { priority: 'high', skills: [], matchedRuleIds: [] }, undefined)).toEqual({ kept: ['priority_not_raised'] });
    expect(planRoutingEffects(conversation({ priority: 'high' }), { priority: 'high', skills: [], matchedRuleIds: [] }, undefined)).toEqual({ kept: [] });
  });

  it('when the conversation is closed, then nothing changes', () => {
    expect(planRoutingEffects(conversation({ status: 'closed' }), { teamId: billing, priority: 'urgent', skills: [], matchedRuleIds: [] }, undefined)).toEqual({ kept: ['closed'] });
  });
});
