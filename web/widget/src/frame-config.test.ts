import { describe, expect, it } from 'vitest';
import { fromFragment, sessionUser, toFragment } from './frame-config.ts';

describe('passing the host page settings to the frame', () => {
  it('when locale, host origin and identity go through the fragment, then they come back the same', () => {
    const config = { locale: 'ar' as const, hostOrigin: 'https://shop.example', user: { id: 'u 42/&=', hash: 'ab12', name: 'هدى', email: 'huda@example.com' } };
    expect(fromFragment('#' + toFragment(config))).toEqual(config);
  });

  it('when nothing is given, then the frame gets no locale, no identity and no host origin', () => {
    expect(fromFragment('')).toEqual({ locale: null, user: {}, hostOrigin: null });
    expect(toFragment({ locale: null, hostOrigin: null, user: {} })).toBe('');
  });

  it('when the fragment names an unsupported language or blank fields, then they are ignored', () => {
    expect(fromFragment('#locale=fr&user.id=%20&user.name=Ali')).toEqual({ locale: null, user: { name: 'Ali' }, hostOrigin: null });
  });
});

describe('the identity sent with the session', () => {
  it('when both id and hash are present, then they are sent with name and email', () => {
    expect(sessionUser({ id: '42', hash: 'ff', name: 'Huda' })).toEqual({ id: '42', hash: 'ff', name: 'Huda' });
  });

  it('when the id or the hash is missing, then no identity is sent (it could not verify)', () => {
    expect(sessionUser({ id: '42', name: 'Huda', email: 'h@example.com' })).toBeUndefined();
    expect(sessionUser({ hash: 'ff' })).toBeUndefined();
  });
});
