import { describe, expect, it } from 'vitest';
import type { SlaPolicy } from '../api/sla-types';
import {
  durationToSeconds, emptyPolicyForm, moved, offsetToStep, policyFormToInput, policyToForm, secondsToDuration, serverProblemField, stepToOffset, type PolicyForm,
} from './sla-policy-form';

const policy: SlaPolicy = {
  id: 'p1', position: 0, name: 'VIP chat', conditions: { channels: ['chat'], priorities: ['high', 'urgent'], tiers: ['vip'] },
  targets: { firstResponseSeconds: 120, nextResponseSeconds: 300, resolutionSeconds: 8 * 3600 },
  escalation: [{ kind: 'first_response', offsetSeconds: -60, action: 'notify_owner' }, { kind: 'resolution', offsetSeconds: 1800, action: 'raise_priority' }],
  calendarId: null, enabled: true, createdAt: '', updatedAt: '',
};

const withTargets = (first: string, extra: Partial<PolicyForm> = {}): PolicyForm => ({
  ...emptyPolicyForm(), name: 'Chat', targets: { ...emptyPolicyForm().targets, firstResponse: { amount: first, unit: 'minutes' } }, ...extra,
});

describe('durations', () => {
  it('when typed in minutes or hours, then seconds are sent', () => {
    expect(durationToSeconds({ amount: '2', unit: 'minutes' })).toBe(120);
    expect(durationToSeconds({ amount: '1.5', unit: 'hours' })).toBe(5400);
    expect(durationToSeconds({ amount: '٣', unit: 'minutes' })).toBe(180);
    expect(durationToSeconds({ amount: '0,5', unit: 'minutes' })).toBe(30);
    expect(durationToSeconds({ amount: ' ', unit: 'minutes' })).toBeNull();
  });

  it('when the amount is not a positive number, then it is NaN', () => {
    expect(durationToSeconds({ amount: '-2', unit: 'minutes' })).toBeNaN();
    expect(durationToSeconds({ amount: 'ten', unit: 'minutes' })).toBeNaN();
    expect(durationToSeconds({ amount: '0', unit: 'hours' })).toBeNaN();
  });

  it('when seconds are shown, then whole hours are hours and the rest minutes', () => {
    expect(secondsToDuration(7200)).toEqual({ amount: '2', unit: 'hours' });
    expect(secondsToDuration(120)).toEqual({ amount: '2', unit: 'minutes' });
    expect(secondsToDuration(30)).toEqual({ amount: '0.5', unit: 'minutes' });
    expect(secondsToDuration(null)).toEqual({ amount: '', unit: 'minutes' });
  });
});

describe('escalation steps', () => {
  it('when a step is before, at or after the deadline, then its offset is negative, zero or positive', () => {
    expect(stepToOffset({ kind: 'first_response', when: 'before', minutes: '1', action: 'notify_owner' })).toBe(-60);
    expect(stepToOffset({ kind: 'first_response', when: 'at', minutes: '9', action: 'notify_owner' })).toBe(0);
    expect(stepToOffset({ kind: 'first_response', when: 'after', minutes: '15', action: 'reassign' })).toBe(900);
  });

  it('when an offset is read back, then it becomes the same words', () => {
    expect(offsetToStep('resolution', -90, 'notify_owner')).toEqual({ kind: 'resolution', when: 'before', minutes: '1.5', action: 'notify_owner' });
    expect(offsetToStep('resolution', 0, 'notify_supervisors')).toMatchObject({ when: 'at', minutes: '' });
    expect(offsetToStep('resolution', 3600, 'reassign')).toMatchObject({ when: 'after', minutes: '60' });
  });
});

describe('policyToForm and policyFormToInput', () => {
  it('when a policy goes through the form unchanged, then the same body comes out', () => {
    const answer = policyFormToInput(policyToForm(policy));
    expect(answer).toEqual({
      input: { name: 'VIP chat', conditions: policy.conditions, targets: policy.targets, escalation: policy.escalation, calendarId: null, enabled: true },
    });
  });

  it('when lists are typed with commas (Arabic ones too), then they are trimmed and de-duplicated', () => {
    const answer = policyFormToInput(withTargets('5', { intents: 'refund، billing, refund ,', languages: 'ar' }));
    expect(answer).toMatchObject({ input: { conditions: { intents: ['refund', 'billing'], languages: ['ar'] } } });
    expect('input' in answer && answer.input.conditions.channels).toBeUndefined();
  });

  it('when something is missing or wrong, then the first problem names its field', () => {
    expect(policyFormToInput({ ...withTargets('5'), name: ' ' })).toEqual({ problem: { field: 'name', code: 'name' } });
    expect(policyFormToInput(withTargets(''))).toEqual({ problem: { field: 'targets.firstResponse', code: 'noTarget' } });
    expect(policyFormToInput(withTargets('x'))).toEqual({ problem: { field: 'targets.firstResponse', code: 'target' } });
    const noResolution = withTargets('5', { steps: [{ kind: 'resolution', when: 'at', minutes: '', action: 'notify_owner' }] });
    expect(policyFormToInput(noResolution)).toEqual({ problem: { field: 'steps.0', code: 'stepKind' } });
    const badMinutes = withTargets('5', { steps: [{ kind: 'first_response', when: 'before', minutes: '', action: 'notify_owner' }] });
    expect(policyFormToInput(badMinutes)).toEqual({ problem: { field: 'steps.0', code: 'stepMinutes' } });
  });
});

describe('serverProblemField', () => {
  it('when the server names a path, then the matching form field is found', () => {
    expect(serverProblemField('targets.firstResponseSeconds: must be whole seconds')).toBe('targets.firstResponse');
    expect(serverProblemField('escalation[2].kind: this policy has no resolution target')).toBe('steps.2');
    expect(serverProblemField('body/escalation/1/offsetSeconds must be <= 31536000')).toBe('steps.1');
    expect(serverProblemField('conditions.intents: must be a list')).toBe('intents');
    expect(serverProblemField('no such calendar')).toBeNull();
  });
});

describe('moved', () => {
  it('when a policy moves up or down, then its neighbour swaps; at the ends it cannot', () => {
    expect(moved(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b'], 'a', -1)).toBeNull();
    expect(moved(['a', 'b'], 'b', 1)).toBeNull();
  });
});
