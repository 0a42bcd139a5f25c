import { describe, expect, it } from 'vitest';
import { checkPolicy, choosePolicy, type PolicyInput } from './policy-rules.ts';

const base: PolicyInput = {
  name: ' Chat VIP ', conditions: { channels: ['chat'], tiers: ['vip'] }, targets: { firstResponseSeconds: 30, nextResponseSeconds: 60, resolutionSeconds: null },
  escalation: [{ kind: 'first_response', offsetSeconds: 0, action: 'notify_supervisors' }, { kind: 'first_response', offsetSeconds: -10, action: 'notify_owner' }], calendarId: null, enabled: true,
};
const facts = { channel: 'chat', priority: 'normal', intent: null, language: 'ar', tier: 'vip' };

describe('SLA policies', () => {
  it('given a policy, when checked, then names are trimmed and steps sorted by their place around the deadline', () => {
    const policy = checkPolicy(base);
    expect(policy.name).toBe('Chat VIP');
    expect(policy.escalation.map((s) => s.offsetSeconds)).toEqual([-10, 0]);
  });

  it.each([
    [{ targets: { firstResponseSeconds: null, nextResponseSeconds: null, resolutionSeconds: null } }, 'targets'],
    [{ targets: { firstResponseSeconds: 0, nextResponseSeconds: null, resolutionSeconds: null } }, 'targets.firstResponseSeconds'],
    [{ escalation: [{ kind: 'resolution' as const, offsetSeconds: 0, action: 'reassign' as const }] }, 'escalation[0].kind'],
    [{ escalation: [{ kind: 'first_response' as const, offsetSeconds: 0, action: 'explode' as never }] }, 'escalation[0].action'],
    [{ name: '  ' }, 'name'],
  ])('given %o, when checked, then it is refused naming %s', (change, path) => {
    expect(() => checkPolicy({ ...base, ...change })).toThrow(path);
  });

  it('given ordered policies, when a conversation is matched, then the first enabled one whose conditions all hold wins', () => {
    const vip = { ...checkPolicy(base), id: 'vip' };
    const anyChat = { ...checkPolicy({ ...base, name: 'Chat', conditions: { channels: ['chat'] } }), id: 'chat' };
    const off = { ...anyChat, id: 'off', enabled: false, conditions: {} };
    expect(choosePolicy([off, vip, anyChat], facts)?.id).toBe('vip');
    expect(choosePolicy([off, vip, anyChat], { ...facts, tier: null })?.id).toBe('chat');
    expect(choosePolicy([vip], { ...facts, channel: 'email' })).toBeNull();
  });
});
