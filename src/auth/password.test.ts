import { describe, expect, it } from 'vitest';
import { assertPasswordAcceptable, hashPassword, passwordRules, verifyAgainstDecoy, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('when a password is hashed, then the same password verifies and the hash does not contain it', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash.startsWith('scrypt$')).toBe(true);
    expect(hash).not.toContain('correct horse battery');
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
  });

  it('when a different password is checked, then it does not verify', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery!', hash)).toBe(false);
    expect(await verifyPassword('Correct horse battery', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('when the same password is hashed twice, then the hashes differ (each has its own salt) and both verify', async () => {
    const [a, b] = await Promise.all([hashPassword('same password here'), hashPassword('same password here')]);
    expect(a).not.toBe(b);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
    expect(await verifyPassword('same password here', a)).toBe(true);
    expect(await verifyPassword('same password here', b)).toBe(true);
  });

  it('when the password is Arabic, then it round-trips and a near miss does not verify', async () => {
    const hash = await hashPassword('كلمة سر طويلة ١٢٣');
    expect(await verifyPassword('كلمة سر طويلة ١٢٣', hash)).toBe(true);
    expect(await verifyPassword('كلمة سر طويلة 123', hash)).toBe(false);
  });

  it('when the same text arrives in another Unicode form, then it still verifies', async () => {
    const hash = await hashPassword('caf\u00e9 au lait ok');
    expect(await verifyPassword('cafe\u0301 au lait ok', hash)).toBe(true);
  });

  it('when the stored hash is not one of ours, then nothing verifies', async () => {
    expect(await verifyPassword('anything', 'plain-text')).toBe(false);
    expect(await verifyPassword('anything', 'bcrypt$1$2$3$salt$hash')).toBe(false);
    expect(await verifyPassword('anything', '')).toBe(false);
  });

  it('when an unknown account is checked against the decoy, then the answer is always false', async () => {
    expect(await verifyAgainstDecoy('correct horse battery')).toBe(false);
  });
});

describe('assertPasswordAcceptable', () => {
  it('when a password is shorter than the minimum, then VALIDATION_FAILED', () => {
    expect(() => assertPasswordAcceptable('x'.repeat(passwordRules.minLength - 1))).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('when a password is longer than the maximum, then VALIDATION_FAILED', () => {
    expect(() => assertPasswordAcceptable('x'.repeat(passwordRules.maxLength + 1))).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('when a password is exactly at the limits, then it is accepted', () => {
    expect(() => assertPasswordAcceptable('x'.repeat(passwordRules.minLength))).not.toThrow();
    expect(() => assertPasswordAcceptable('x'.repeat(passwordRules.maxLength))).not.toThrow();
  });
});

describe('a damaged stored hash', () => {
  it.each([['scrypt$x$y$z$salt$hash'], ['scrypt$16384$8$1$@@@$'], ['bcrypt$abc'], ['']])('when the stored hash is %j, then verification says no instead of throwing', async (stored) => {
    await expect(verifyPassword('anything', stored)).resolves.toBe(false);
  });
});
