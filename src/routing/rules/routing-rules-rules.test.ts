import { describe, expect, it } from 'vitest';
import type { RoutingCondition, RoutingRule, RoutingSubject } from './routing-rule-types.ts';
import { conditionHolds, evaluateRoutingRules, inTimeWindow, languageMatches } from './routing-rules-rules.ts';

const billing = '01a20000-0000-7000-8000-00000000b111';
const vip = '01a20000-0000-7000-8000-00000000f1f1';
const nights = '01a20000-0000-7000-8000-00000000a1a1';

// Monday 23 November 2026, 10:00 in Riyadh (UTC+3, no DST).
const subject = (over: Partial<RoutingSubject> = {}): RoutingSubject => ({
  channel: 'chat', language: 'ar-EG', intent: 'charged_twice', contact: { tier: 'Gold', country: 'EG', utm_campaign: 'ramadan-2026', orders: 3 },
  now: new Date('2026-11-23T07:00:00Z'), timeZone: 'Asia/Riyadh', ...over,
});
let n = 0;
const rule = (over: Partial<RoutingRule> & Pick<RoutingRule, 'actions'>): RoutingRule => ({
  id: `rule-${String(++n).padStart(3, '0')}`, name: 'r', position: n, enabled: true, conditions: [], stop: false, ...over,
});
const holds = (c: RoutingCondition, s: RoutingSubject = subject()) => conditionHolds(c, s);

describe('conditions on the conversation and its customer', () => {
  it('when a condition compares text, then case, spacing and Unicode width do not matter', () => {
    expect(holds({ field: 'contact.tier', op: 'is', value: ' gold ' })).toBe(true);
    expect(holds({ field: 'contact.tier', op: 'is_not', value: 'GOLD' })).toBe(false);
    expect(holds({ field: 'intent', op: 'in', value: ['refund', 'Charged_Twice'] })).toBe(true);
    expect(holds({ field: 'channel', op: 'not_in', value: ['email', 'sms'] })).toBe(true);
    expect(holds({ field: 'contact.utm_campaign', op: 'contains', value: 'RAMADAN' })).toBe(true);
    expect(holds({ field: 'contact.orders', op: 'is', value: 3 })).toBe(true);
    expect(holds({ field: 'contact.orders', op: 'in', value: ['3', '4'] })).toBe(true);
  });

  it('when the customer has no such attribute, then is/in/contains fail and is_not/not_in hold', () => {
    expect(holds({ field: 'contact.plan', op: 'is', value: 'pro' })).toBe(false);
    expect(holds({ field: 'contact.plan', op: 'in', value: ['pro'] })).toBe(false);
    expect(holds({ field: 'contact.plan', op: 'contains', value: 'pro' })).toBe(false);
    expect(holds({ field: 'contact.plan', op: 'is_not', value: 'pro' })).toBe(true);
    expect(holds({ field: 'contact.plan', op: 'not_in', value: ['pro'] })).toBe(true);
    expect(holds({ field: 'contact.plan', op: 'exists', value: true })).toBe(false);
    expect(holds({ field: 'contact.plan', op: 'exists', value: false })).toBe(true);
    expect(holds({ field: 'contact.tier', op: 'exists' })).toBe(true);
    expect(holds({ field: 'contact.tier', op: 'exists' }, subject({ contact: { tier: null } }))).toBe(false);
    expect(holds({ field: 'intent', op: 'exists' }, subject({ intent: null }))).toBe(false);
  });

  it('when an attribute holds Arabic text, then it is compared as written', () => {
    const s = subject({ contact: { tier: 'ذهبي', city: 'القاهرة الجديدة' } });
    expect(holds({ field: 'contact.tier', op: 'is', value: 'ذهبي' }, s)).toBe(true);
    expect(holds({ field: 'contact.city', op: 'contains', value: 'القاهرة' }, s)).toBe(true);
    expect(holds({ field: 'contact.tier', op: 'is', value: 'فضي' }, s)).toBe(false);
  });
});

describe('language: a rule for a language covers its regional and script variants', () => {
  it('when the rule says "language is ar", then ar, ar-EG, ar-SA and Arabizi (ar-Latn) match, and nothing else', () => {
    for (const tag of ['ar', 'ar-EG', 'ar-sa', 'ar-Latn', 'AR_eg']) expect(languageMatches(tag, 'ar'), tag).toBe(true);
    for (const tag of ['arn', 'en', 'fr-ar', '']) expect(languageMatches(tag, 'ar'), tag).toBe(false);
  });

  it('when the rule names a region, then only that region (and tags under it) match', () => {
    expect(languageMatches('ar-EG', 'ar-EG')).toBe(true);
    expect(languageMatches('ar-SA', 'ar-EG')).toBe(false);
    expect(languageMatches('ar', 'ar-EG')).toBe(false);
  });

  it('when the language is unknown, then "is" fails, "is_not" holds and "exists" is false', () => {
    const s = subject({ language: null });
    expect(holds({ field: 'language', op: 'is', value: 'ar' }, s)).toBe(false);
    expect(holds({ field: 'language', op: 'is_not', value: 'ar' }, s)).toBe(true);
    expect(holds({ field: 'language', op: 'exists' }, s)).toBe(false);
    expect(holds({ field: 'language', op: 'in', value: ['en', 'ar'] })).toBe(true);
    expect(holds({ field: 'language', op: 'not_in', value: ['ar'] })).toBe(false);
  });
});

describe('time: weekdays and hours on the workspace clock', () => {
  const at = (iso: string) => new Date(iso);
  it('when it is 10:00 Monday in Riyadh, then a Sun–Thu 09:00–17:00 window is open and a Fri–Sat one is not', () => {
    const week = { days: ['sun', 'mon', 'tue', 'wed', 'thu'] as const, from: '09:00', to: '17:00' };
    expect(inTimeWindow({ ...week, days: [...week.days] }, at('2026-11-23T07:00:00Z'), 'Asia/Riyadh')).toBe(true);
    expect(inTimeWindow({ days: ['fri', 'sat'], from: '09:00', to: '17:00' }, at('2026-11-23T07:00:00Z'), 'Asia/Riyadh')).toBe(false);
    // The end is exclusive: 17:00 is closed.
    expect(inTimeWindow({ from: '09:00', to: '17:00' }, at('2026-11-23T14:00:00Z'), 'Asia/Riyadh')).toBe(false);
    expect(inTimeWindow({ from: '09:00', to: '17:00' }, at('2026-11-23T13:59:00Z'), 'Asia/Riyadh')).toBe(true);
  });

  it('when a window runs past midnight, then its small hours belong to the day it started on', () => {
    const friNight = { days: ['fri' as const], from: '22:00', to: '02:00' };
    expect(inTimeWindow(friNight, at('2026-11-27T19:30:00Z'), 'Asia/Riyadh')).toBe(true); // Fri 22:30
    expect(inTimeWindow(friNight, at('2026-11-27T22:30:00Z'), 'Asia/Riyadh')).toBe(true); // Sat 01:30
    expect(inTimeWindow(friNight, at('2026-11-27T23:00:00Z'), 'Asia/Riyadh')).toBe(false); // Sat 02:00
    expect(inTimeWindow(friNight, at('2026-11-26T22:30:00Z'), 'Asia/Riyadh')).toBe(false); // Fri 01:30 is Thursday's night
    expect(inTimeWindow(friNight, at('2026-11-28T19:30:00Z'), 'Asia/Riyadh')).toBe(false); // Sat 22:30
    // Saturday night runs into Sunday, across the end of the week.
    expect(inTimeWindow({ days: ['sat'], from: '23:00', to: '01:00' }, at('2026-11-28T21:30:00Z'), 'Asia/Riyadh')).toBe(true); // Sun 00:30
  });

  it('when the clocks change (DST), then the window follows the local clock, not UTC', () => {
    const office = { days: ['mon' as const], from: '09:00', to: '17:00' };
    // New York: 09:00 is 13:00 UTC in summer and 14:00 UTC in winter.
    expect(inTimeWindow(office, at('2026-07-06T13:30:00Z'), 'America/New_York')).toBe(true);
    expect(inTimeWindow(office, at('2026-11-23T13:30:00Z'), 'America/New_York')).toBe(false);
    expect(inTimeWindow(office, at('2026-11-23T14:30:00Z'), 'America/New_York')).toBe(true);
    // Berlin springs forward on Sunday 29 March 2026 at 02:00 → 03:00: 00:59 UTC is 01:59, 01:00 UTC is already 03:00.
    const earlySunday = { days: ['sun' as const], from: '01:00', to: '03:00' };
    expect(inTimeWindow(earlySunday, at('2026-03-29T00:59:00Z'), 'Europe/Berlin')).toBe(true);
    expect(inTimeWindow(earlySunday, at('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe(false);
    // …and falls back on 25 October: 02:30 happens twice, and both are inside 02:00–03:00.
    const repeated = { days: ['sun' as const], from: '02:00', to: '03:00' };
    expect(inTimeWindow(repeated, at('2026-10-25T00:30:00Z'), 'Europe/Berlin')).toBe(true);
    expect(inTimeWindow(repeated, at('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toBe(true);
  });

  it('when the rule says not_between, then it holds outside the window; an unknown zone opens nothing', () => {
    const hours = { from: '09:00', to: '17:00' };
    expect(holds({ field: 'time', op: 'not_between', value: hours }, subject({ now: at('2026-11-23T18:00:00Z') }))).toBe(true);
    expect(holds({ field: 'time', op: 'not_between', value: hours })).toBe(false);
    expect(holds({ field: 'time', op: 'between', value: { from: '00:00', to: '24:00' } }, subject({ timeZone: 'Mars/Olympus' }))).toBe(false);
  });
});

describe('evaluating rules in order', () => {
  it('when several rules match, then the first to set team or priority wins, and skills add up', () => {
    const rules = [
      rule({ conditions: [{ field: 'intent', op: 'is', value: 'charged_twice' }], actions: { teamId: billing, addSkills: ['Refunds'], priority: 'high' } }),
      rule({ conditions: [{ field: 'contact.tier', op: 'is', value: 'gold' }], actions: { teamId: vip, addSkills: ['vip', 'refunds'], priority: 'urgent' } }),
      rule({ conditions: [{ field: 'language', op: 'is', value: 'ar' }], actions: { addSkills: ['arabic'] } }),
    ];
    expect(evaluateRoutingRules(rules, subject())).toEqual({
      teamId: billing, priority: 'high', skills: ['refunds', 'vip', 'arabic'], matchedRuleIds: rules.map((r) => r.id),
    });
  });

  it('when the rules are stored out of order, then position decides, not the list', () => {
    const first = rule({ position: 1, actions: { teamId: vip } });
    const second = rule({ position: 2, actions: { teamId: billing } });
    expect(evaluateRoutingRules([second, first], subject()).teamId).toBe(vip);
    expect(evaluateRoutingRules([{ ...second, position: 0 }, first], subject()).teamId).toBe(billing);
  });

  it('when a matching rule says stop, then later rules are not looked at; a rule that does not match does not stop anything', () => {
    const stopper = rule({ conditions: [{ field: 'contact.tier', op: 'is', value: 'gold' }], actions: { teamId: vip }, stop: true });
    const later = rule({ actions: { addSkills: ['general'], priority: 'low' } });
    expect(evaluateRoutingRules([stopper, later], subject())).toEqual({ teamId: vip, skills: [], matchedRuleIds: [stopper.id] });
    expect(evaluateRoutingRules([stopper, later], subject({ contact: {} }))).toEqual({ skills: ['general'], priority: 'low', matchedRuleIds: [later.id] });
  });

  it('when a rule is disabled, then it is as if it were not there', () => {
    const off = rule({ enabled: false, actions: { teamId: vip }, stop: true });
    const on = rule({ actions: { teamId: billing } });
    expect(evaluateRoutingRules([off, on], subject())).toEqual({ teamId: billing, skills: [], matchedRuleIds: [on.id] });
  });

  it('when a rule sets the team to null, then that is a choice ("no team") and later teams do not override it', () => {
    const general = rule({ conditions: [{ field: 'channel', op: 'is', value: 'chat' }], actions: { teamId: null } });
    expect(evaluateRoutingRules([general, rule({ actions: { teamId: billing } })], subject()).teamId).toBeNull();
  });

  it('when no rule matches, then the outcome says nothing about team or priority', () => {
    const outcome = evaluateRoutingRules([rule({ conditions: [{ field: 'channel', op: 'is', value: 'email' }], actions: { teamId: nights } })], subject());
    expect(outcome).toEqual({ skills: [], matchedRuleIds: [] });
    expect('teamId' in outcome).toBe(false);
  });

  it('when a rule has all of its conditions but one, then it does not match', () => {
    const r = rule({
      conditions: [{ field: 'channel', op: 'is', value: 'chat' }, { field: 'contact.country', op: 'in', value: ['SA', 'AE'] }],
      actions: { teamId: vip },
    });
    expect(evaluateRoutingRules([r], subject()).matchedRuleIds).toEqual([]);
    expect(evaluateRoutingRules([r], subject({ contact: { country: 'sa' } })).matchedRuleIds).toEqual([r.id]);
  });
});
