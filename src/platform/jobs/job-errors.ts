/**
 * Thrown by a handler when trying again cannot help (an address that does not exist, a record that
 * is gone): the job becomes a dead letter at once, whatever attempts it had left.
 */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}

/**
 * Thrown by a handler that knows when to try again (a server answering "busy, retry in 5 minutes"):
 * the next attempt is due after `delayMs` instead of the backoff. It still uses up an attempt.
 */
export class RetryJobLaterError extends Error {
  readonly delayMs: number;

  constructor(message: string, delayMs: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RetryJobLaterError';
    this.delayMs = delayMs;
  }
}
