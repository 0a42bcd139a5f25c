/** Time is passed in, never read from a global, so rules and commands stay testable. */
export type Clock = () => Date;

/** Ids are passed in for the same reason. */
export type IdGenerator = () => string;

export function fixedClock(at: Date | string): Clock & { advance(ms: number): void; set(to: Date | string): void } {
  let now = new Date(at).getTime();
  const clock = () => new Date(now);
  clock.advance = (ms: number) => {
    now += ms;
  };
  clock.set = (to: Date | string) => {
    now = new Date(to).getTime();
  };
  return clock;
}
