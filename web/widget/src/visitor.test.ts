import { describe, expect, it } from 'vitest';
import { reusableToken } from './visitor.ts';

describe('reusing the remembered visitor token', () => {
  it('when nothing is remembered, then there is no token', () => {
    expect(reusableToken(null, undefined)).toBeUndefined();
    expect(reusableToken({ token: '' }, undefined)).toBeUndefined();
  });

  it('when the token was anonymous, then it continues, signed in or not', () => {
    expect(reusableToken({ token: 'v1.a' }, undefined)).toBe('v1.a');
    expect(reusableToken({ token: 'v1.a' }, 'user-1')).toBe('v1.a');
  });

  it('when the token belongs to a signed-in user, then only that user continues with it', () => {
    expect(reusableToken({ token: 'v1.b', userId: 'user-1' }, 'user-1')).toBe('v1.b');
    expect(reusableToken({ token: 'v1.b', userId: 'user-1' }, 'user-2')).toBeUndefined();
    expect(reusableToken({ token: 'v1.b', userId: 'user-1' }, undefined)).toBeUndefined();
  });
});
