import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import type { RoutingRule, TransferRequest } from '../api/types';
import { translate } from '../i18n/translate';
import {
  agentChannels, checkShifts, checkWarmTransfer, durationParts, emptyCondition, emptyRuleForm, formatDuration, formToRule, incomingTransfers, moveId,
  occupancyPercent, problemsOf, ruleToForm, splitList, tickingSeconds, waitReasonKey, waitReasonLabel, waitReasons, withKind,
} from './routing';

const en = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('en', key, vars);
const ar = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('ar', key, vars);

describe('wait reasons', () => {
  it('every reason code the server sends has words in English and Arabic', () => {
    for (const code of waitReasons) {
      expect(waitReasonKey(code)).toBe(`waitReason.${code}`);
      expect(waitReasonLabel(en, code)).not.toMatch(/waitReason|Other/);
      expect(waitReasonLabel(ar, code)).toMatch(/[\u0600-\u06FF]/);
    }
  });
  it('an unknown code shows as Other with the code; none means an agent would get it', () => {
    expect(waitReasonKey('mystery')).toBeNull();
    expect(waitReasonLabel(en, 'mystery')).toBe('Other: mystery');
    expect(waitReasonLabel(en, null)).toBe('An agent will take it next');
  });
});

describe('durations', () => {
  it('splits seconds into hours, minutes and seconds', () => {
    expect(durationParts(3725)).toEqual({ hours: 1, minutes: 2, seconds: 5 });
    expect(durationParts(-4)).toEqual({ hours: 0, minutes: 0, seconds: 0 });
    expect(durationParts(Number.NaN)).toEqual({ hours: 0, minutes: 0, seconds: 0 });
  });
  it('formats short and long waits', () => {
    expect(formatDuration(en, 42)).toBe('42 s');
    expect(formatDuration(en, 187)).toBe('3 min 07 s');
    expect(formatDuration(en, 7500)).toBe('2 h 05 min');
    expect(formatDuration(ar, 42)).toBe('42 ث');
  });
  it('ticks a server wait forward by the whole seconds since it was fetched', () => {
    expect(tickingSeconds(10, 1_000, 1_000)).toBe(10);
    expect(tickingSeconds(10, 1_000, 3_999)).toBe(12);
    expect(tickingSeconds(10, 5_000, 1_000)).toBe(10);
  });
});

describe('agents', () => {
  it('occupancy is a clamped whole percent', () => {
    expect(occupancyPercent(0.456)).toBe(46);
    expect(occupancyPercent(1.4)).toBe(100);
    expect(occupancyPercent(-1)).toBe(0);
    expect(occupancyPercent(Number.NaN)).toBe(0);
  });
  it('lists channels in a stable order', () => {
    expect(agentChannels({ zeta: 1, email: 1 }, { chat: 3, callback: 1, alpha: 1 })).toEqual(['chat', 'email', 'callback', 'alpha', 'zeta']);
  });
});

describe('transfers', () => {
  const base: TransferRequest = {
    id: 'x1', conversationId: 'c1', fromAgentId: 'a1', requestedBy: 'a1', toAgentId: 'me', toTeamId: null, reason: 'r', status: 'pending',
    createdAt: '2026-01-01T00:00:00Z', decidedAt: null, decidedBy: null, declineReason: null,
  };
  it('incoming are pending ones sent to me or to one of my teams, never my own', () => {
    const list: TransferRequest[] = [
      base,
      { ...base, id: 'x2', toAgentId: null, toTeamId: 't1' },
      { ...base, id: 'x3', toAgentId: null, toTeamId: 't9' },
      { ...base, id: 'x4', status: 'accepted' },
      { ...base, id: 'x5', fromAgentId: 'me', toAgentId: null, toTeamId: 't1' },
      { ...base, id: 'x6', toAgentId: 'other' },
    ];
    expect(incomingTransfers(list, { id: 'me', teamIds: ['t1'] }).map((x) => x.id)).toEqual(['x1', 'x2']);
  });
  it('a warm transfer needs a target and a reason', () => {
    expect(checkWarmTransfer({ kind: 'agent', agentId: '' }, 'x')).toEqual({ ok: false, problem: 'pickTarget' });
    expect(checkWarmTransfer({ kind: 'agent', agentId: 'a2' }, '  ')).toEqual({ ok: false, problem: 'reasonRequired' });
    expect(checkWarmTransfer({ kind: 'agent', agentId: 'a2' }, ' speaks French ')).toEqual({ ok: true, body: { toAgentId: 'a2', reason: 'speaks French' } });
    expect(checkWarmTransfer({ kind: 'team', teamId: 't1' }, 'billing')).toEqual({ ok: true, body: { toTeamId: 't1', reason: 'billing' } });
  });
});

describe('routing rule form', () => {
  const rule: Pick<RoutingRule, 'name' | 'enabled' | 'stop' | 'conditions' | 'actions'> = {
    name: 'VIP Arabic evenings', enabled: true, stop: true,
    conditions: [
      { field: 'language', op: 'is', value: 'ar' },
      { field: 'channel', op: 'in', value: ['chat', 'whatsapp'] },
      { field: 'contact.tier', op: 'exists', value: false },
      { field: 'time', op: 'between', value: { days: ['fri', 'sat'], from: '18:00', to: '02:00' } },
      { field: 'intent', op: 'not_between', value: { from: '00:00', to: '24:00' } },
    ],
    actions: { teamId: null, addSkills: ['vip', 'arabic'], priority: 'high' },
  };
  it('round-trips a rule through the form', () => {
    const form = ruleToForm(rule);
    expect(form.team).toBe('none');
    expect(form.skills).toBe('vip, arabic');
    expect(form.conditions[1]).toMatchObject({ kind: 'channel', op: 'in', value: 'chat, whatsapp' });
    expect(form.conditions[2]).toMatchObject({ kind: 'contact', attribute: 'tier', op: 'exists', exists: false });
    expect(form.conditions[3]).toMatchObject({ kind: 'time', days: ['fri', 'sat'], from: '18:00', to: '02:00' });
    expect(formToRule(form)).toEqual({ ...rule, conditions: [...rule.conditions.slice(0, 4), { field: 'intent', op: 'not_between', value: { from: '00:00', to: '24:00' } }] });
  });
  it('builds the API shape from what was typed', () => {
    const form = { ...emptyRuleForm(), name: '  Refunds ', team: 'team-1', skills: 'refunds،  billing ,', priority: 'urgent' as const };
    form.conditions = [
      { ...emptyCondition('intent'), op: 'in', value: 'refund, charged_twice\n' },
      { ...emptyCondition('time'), days: ['sat', 'sun'] },
      { ...withKind(emptyCondition('contact'), 'contact'), attribute: ' country ', value: ' SA ' },
    ];
    expect(formToRule(form)).toEqual({
      name: 'Refunds', enabled: true, stop: false,
      conditions: [
        { field: 'intent', op: 'in', value: ['refund', 'charged_twice'] },
        { field: 'time', op: 'between', value: { days: ['sun', 'sat'], from: '09:00', to: '17:00' } },
        { field: 'contact.country', op: 'is', value: 'SA' },
      ],
      actions: { teamId: 'team-1', addSkills: ['refunds', 'billing'], priority: 'urgent' },
    });
    expect(formToRule({ ...emptyRuleForm(), name: 'x', conditions: [] }).actions).toEqual({});
  });
  it('switching the field keeps an op it takes, else the first', () => {
    expect(withKind({ ...emptyCondition('intent'), op: 'contains' }, 'contact').op).toBe('contains');
    expect(withKind({ ...emptyCondition('intent'), op: 'contains' }, 'channel').op).toBe('is');
    expect(withKind(emptyCondition('channel'), 'time').op).toBe('between');
  });
  it('splits lists on commas (Latin and Arabic) and lines', () => {
    expect(splitList(' a, b،c\n\n d ')).toEqual(['a', 'b', 'c', 'd']);
  });
  it('moves a rule up or down, not past the ends', () => {
    expect(moveId(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveId(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveId(['a', 'b', 'c'], 0, -1)).toBeNull();
    expect(moveId(['a', 'b', 'c'], 2, 1)).toBeNull();
  });
  it("reads the server's problems from a 400", () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'conditions[1].value: expected a list', { problems: [{ path: 'conditions[1].value', message: 'expected a list' }, { bad: 1 }] });
    expect(problemsOf(error)).toEqual([{ path: 'conditions[1].value', message: 'expected a list' }]);
    expect(problemsOf(new Error('x'))).toEqual([]);
  });
});

describe('shifts', () => {
  it('sorts good shifts and points at a bad one', () => {
    expect(checkShifts([{ day: 2, start: '09:00', end: '17:00' }, { day: 0, start: '22:00', end: '02:00' }])).toEqual({
      ok: true, shifts: [{ day: 0, start: '22:00', end: '02:00' }, { day: 2, start: '09:00', end: '17:00' }],
    });
    expect(checkShifts([{ day: 1, start: '09:00', end: '09:00' }])).toEqual({ ok: false, index: 0 });
    expect(checkShifts([{ day: 1, start: '9', end: '10:00' }])).toEqual({ ok: false, index: 0 });
  });
});
