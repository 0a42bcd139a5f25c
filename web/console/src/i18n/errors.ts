import { ApiError } from '../api/http';
import type { I18n } from './i18n-context';
import { hasKey } from './translate';

/** A sentence for the agent about what went wrong: a translated one for known codes, else the server's message. */
export function describeError(t: I18n['t'], error: unknown): string {
  if (error instanceof ApiError) {
    const key = `error.${error.code}`;
    if (hasKey(key)) return t(key);
    return t('error.generic', { message: error.message || error.code });
  }
  return t('error.generic', { message: error instanceof Error ? error.message : String(error) });
}

/**
 * Like describeError, but an API error this console has no words for is shown as the server's own
 * message, bare (for forms that put their own lead-in before it: "The callback was not saved: …").
 */
export function describeServerError(t: I18n['t'], error: unknown): string {
  if (error instanceof ApiError && !hasKey(`error.${error.code}`) && error.message) return error.message;
  return describeError(t, error);
}
