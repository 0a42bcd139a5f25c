/**
 * Debounces the visitor's typing signal: `true` on the first keystroke (repeated every
 * `refreshMs` while typing goes on, so the other side's indicator does not expire), `false` after
 * `idleMs` without a keystroke or when the message is sent. Time and timers are passed in.
 */
export interface TypingClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export class TypingSignal {
  private typing = false;
  private lastSentAt = -Infinity;
  private idle: unknown = null;

  constructor(
    private readonly emit: (typing: boolean) => void,
    private readonly clock: TypingClock,
    private readonly idleMs = 3000,
    private readonly refreshMs = 5000,
  ) {}

  /** A keystroke. `empty`: the composer is now empty (typing stops at once). */
  input(empty = false): void {
    if (empty) return this.stop();
    const now = this.clock.now();
    if (!this.typing || now - this.lastSentAt >= this.refreshMs) {
      this.typing = true;
      this.lastSentAt = now;
      this.emit(true);
    }
    if (this.idle !== null) this.clock.clearTimeout(this.idle);
    this.idle = this.clock.setTimeout(() => this.stop(), this.idleMs);
  }

  /** Sent, cleared, or left: say "stopped" once if "typing" was said. */
  stop(): void {
    if (this.idle !== null) this.clock.clearTimeout(this.idle);
    this.idle = null;
    if (!this.typing) return;
    this.typing = false;
    this.emit(false);
  }
}
