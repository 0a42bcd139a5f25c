import { describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue-rules.ts';
import { lognormal, seededRandom, weightedIndex } from './random-rules.ts';

describe('the event queue and the random draws', () => {
  it('when events are scheduled out of order, then they come out by time, and events at the same time in the order scheduled', () => {
    const q = new EventQueue<string>();
    for (const [at, name] of [[30, 'c'], [10, 'a1'], [20, 'b'], [10, 'a2'], [0, 'start'], [10, 'a3']] as const) q.schedule(at, name);
    const out: string[] = [];
    for (let e = q.next(); e; e = q.next()) out.push(e.event);
    expect(out).toEqual(['start', 'a1', 'a2', 'a3', 'b', 'c']);
  });

  it('when a lognormal is drawn many times, then its median and p90 are the ones asked for', () => {
    const random = seededRandom(9);
    const xs = Array.from({ length: 20_000 }, () => lognormal(random, 75, 240)).sort((a, b) => a - b);
    expect(xs[10_000]).toBeGreaterThan(70);
    expect(xs[10_000]).toBeLessThan(80);
    expect(xs[18_000]).toBeGreaterThan(225);
    expect(xs[18_000]).toBeLessThan(255);
  });

  it('when the same seed is used twice, then the draws repeat; weights of zero are never picked', () => {
    const a = seededRandom(5);
    const b = seededRandom(5);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    const random = seededRandom(1);
    const picks = Array.from({ length: 1000 }, () => weightedIndex(random, [1, 0, 3]));
    expect(picks).not.toContain(1);
    expect(picks.filter((i) => i === 2).length).toBeGreaterThan(700);
  });
});
