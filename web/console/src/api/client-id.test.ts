import { describe, expect, it } from 'vitest';
import { newClientId } from './client-id';

describe('newClientId', () => {
  it('uses crypto.randomUUID when the page has it', () => {
    expect(newClientId({ randomUUID: () => 'from-random-uuid', getRandomValues: (a) => a })).toBe('from-random-uuid');
  });

  it('without randomUUID (plain HTTP), still makes a v4 UUID from random bytes', () => {
    const id = newClientId({ getRandomValues: <T extends ArrayBufferView>(a: T) => (new Uint8Array(a.buffer).fill(0xff), a) });
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('makes different ids each time', () => {
    expect(newClientId()).not.toBe(newClientId());
  });
});
