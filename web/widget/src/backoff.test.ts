import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './backoff.ts';

describe('reconnect backoff', () => {
  it('when attempts repeat, then the delay doubles from about a second, with jitter of at most half', () => {
    expect(reconnectDelay(0, 0)).toBe(500);
    expect(reconnectDelay(0, 0.999)).toBeLessThanOrEqual(1000);
    expect(reconnectDelay(1, 0)).toBe(1000);
    expect(reconnectDelay(3, 0.5)).toBe(6000);
  });

  it('when attempts go on for long, then the delay stays at most 30 s and never overflows', () => {
    expect(reconnectDelay(10, 0.999)).toBeLessThanOrEqual(30_000);
    expect(reconnectDelay(10, 0)).toBe(15_000);
    expect(reconnectDelay(10_000, 0.5)).toBe(22_500);
  });
});
