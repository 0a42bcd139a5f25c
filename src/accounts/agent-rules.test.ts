import { describe, expect, it } from 'vitest';
import { AppError, type Role } from '../kernel/index.ts';
import { assertKeepsAnAdmin, defaultCapacity, normalizeEmail, normalizeLanguages, normalizeSkills } from './agent-rules.ts';

const as = (role: Role, active = true) => ({ role, active });

describe('normalizeEmail', () => {
  it('when an email has capitals and surrounding spaces, then it is trimmed and lower-cased', () => {
    expect(normalizeEmail('  Amal.Admin@Example.TEST ')).toBe('amal.admin@example.test');
  });
});

describe('normalizeSkills', () => {
  it('when skill names differ only in case and spaces, then they are one skill', () => {
    expect(normalizeSkills([{ name: ' Billing ', proficiency: 2 }, { name: 'billing', proficiency: 4 }, { name: 'BILLING', proficiency: 3 }]))
      .toEqual([{ name: 'billing', proficiency: 4 }]);
  });

  it('when different skills are given, then each is kept, in first-seen order', () => {
    expect(normalizeSkills([{ name: 'Returns', proficiency: 1 }, { name: 'Billing', proficiency: 5 }, { name: 'returns', proficiency: 3 }]))
      .toEqual([{ name: 'returns', proficiency: 3 }, { name: 'billing', proficiency: 5 }]);
  });

  it('when Arabic skill names are given, then they are kept as written', () => {
    expect(normalizeSkills([{ name: ' الفواتير ', proficiency: 2 }])).toEqual([{ name: 'الفواتير', proficiency: 2 }]);
  });

  it('when no skills are given, then the list is empty', () => {
    expect(normalizeSkills([])).toEqual([]);
  });
});

describe('normalizeLanguages', () => {
  it('when a language is listed twice with different case, then one entry keeps the highest proficiency', () => {
    expect(normalizeLanguages([{ code: 'AR', proficiency: 3 }, { code: 'ar', proficiency: 5 }, { code: 'en', proficiency: 4 }]))
      .toEqual([{ code: 'ar', proficiency: 5 }, { code: 'en', proficiency: 4 }]);
  });
});

describe('defaultCapacity', () => {
  it('when nothing is said about capacity, then every channel has a positive default', () => {
    expect(defaultCapacity).toEqual({ chat: 3, email: 10, messaging: 5, callback: 1 });
  });
});

describe('assertKeepsAnAdmin', () => {
  const lastAdmin = (after: { role: Role; active: boolean }) => {
    try {
      assertKeepsAnAdmin(as('admin'), after, 0);
    } catch (error) {
      return error;
    }
    return undefined;
  };

  it('when the last active admin is demoted, then LAST_ADMIN', () => {
    const error = lastAdmin(as('supervisor'));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'LAST_ADMIN', status: 409 });
  });

  it('when the last active admin is deactivated, then LAST_ADMIN', () => {
    expect(lastAdmin(as('admin', false))).toMatchObject({ code: 'LAST_ADMIN' });
  });

  it('when the last active admin stays an active admin, then it is allowed', () => {
    expect(() => assertKeepsAnAdmin(as('admin'), as('admin'), 0)).not.toThrow();
  });

  it('when another active admin exists, then an admin may be demoted or deactivated', () => {
    expect(() => assertKeepsAnAdmin(as('admin'), as('agent'), 1)).not.toThrow();
    expect(() => assertKeepsAnAdmin(as('admin'), as('admin', false), 1)).not.toThrow();
  });

  it('when the agent was not an active admin before, then no admin count is needed', () => {
    expect(() => assertKeepsAnAdmin(as('agent'), as('supervisor'), 0)).not.toThrow();
    expect(() => assertKeepsAnAdmin(as('admin', false), as('agent'), 0)).not.toThrow();
    expect(() => assertKeepsAnAdmin(as('supervisor'), as('supervisor', false), 0)).not.toThrow();
  });
});
