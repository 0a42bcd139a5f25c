import { afterEach, describe, expect, it, vi } from 'vitest';
import { newClientId } from './ids.ts';

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('client ids', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('when crypto.randomUUID exists, then it is used', () => {
    const spy = vi.spyOn(crypto, 'randomUUID');
    expect(newClientId()).toMatch(uuidV4);
    expect(spy).toHaveBeenCalled();
  });

  it('when the page is not a secure context (no randomUUID), then a random UUID v4 is still made', () => {
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: <T extends ArrayBufferView>(a: T) => real.getRandomValues(a) });
    const ids = new Set(Array.from({ length: 50 }, () => newClientId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(uuidV4);
  });
});
