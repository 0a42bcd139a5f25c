import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from './sealed.ts';

describe('sealed secrets', () => {
  const key = randomBytes(32);

  it('given a sealed password, when opened with the same key and purpose, then it comes back, and the sealed text does not contain it', () => {
    const sealed = sealSecret(key, 'imap', 'كلمة-سر p@ss');
    expect(sealed).not.toContain('p@ss');
    expect(openSecret(key, 'imap', sealed)).toBe('كلمة-سر p@ss');
  });

  it('given another key, another purpose or a changed byte, when opened, then it fails clearly', () => {
    const sealed = sealSecret(key, 'imap', 'secret');
    expect(() => openSecret(randomBytes(32), 'imap', sealed)).toThrow(/server key changed/);
    expect(() => openSecret(key, 'smtp', sealed)).toThrow(/server key changed/);
    const parts = sealed.split('.');
    const tampered = [...parts.slice(0, 3), Buffer.from('x' + Buffer.from(parts[3] ?? '', 'base64url').toString('latin1').slice(1), 'latin1').toString('base64url')].join('.');
    expect(() => openSecret(key, 'imap', tampered)).toThrow();
    expect(() => openSecret(key, 'imap', 'plain')).toThrow(/not a sealed secret/);
  });
});
