import { describe, expect, it } from 'vitest';
import { TypingSignal } from './typing.ts';

function fakeClock() {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let next = 1;
  return {
    now: () => now,
    setTimeout: (fn: () => void, ms: number) => {
      const id = next++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (id: unknown) => {
      timers = timers.filter((t) => t.id !== id);
    },
    advance(ms: number) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.fn();
    },
  };
}

describe('the typing signal', () => {
  it('when the visitor types several keys quickly, then "typing" is said once and "stopped" after a pause', () => {
    const clock = fakeClock();
    const sent: boolean[] = [];
    const signal = new TypingSignal((on) => sent.push(on), clock);
    signal.input();
    clock.advance(500);
    signal.input();
    clock.advance(500);
    signal.input();
    expect(sent).toEqual([true]);
    clock.advance(2999);
    expect(sent).toEqual([true]);
    clock.advance(1);
    expect(sent).toEqual([true, false]);
  });

  it('when typing goes on for long, then "typing" is repeated so the indicator does not expire', () => {
    const clock = fakeClock();
    const sent: boolean[] = [];
    const signal = new TypingSignal((on) => sent.push(on), clock);
    for (let i = 0; i < 12; i++) {
      signal.input();
      clock.advance(1000);
    }
    expect(sent).toEqual([true, true, true]);
  });

  it('when the message is sent or the composer emptied, then "stopped" is said at once, and only once', () => {
    const clock = fakeClock();
    const sent: boolean[] = [];
    const signal = new TypingSignal((on) => sent.push(on), clock);
    signal.input();
    signal.stop();
    signal.stop();
    clock.advance(10_000);
    expect(sent).toEqual([true, false]);
    signal.input();
    signal.input(true);
    expect(sent).toEqual([true, false, true, false]);
  });
});
