import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import { describeError, describeServerError } from './errors';
import { translate } from './translate';

const en = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('en', key, vars);

describe('server errors in words', () => {
  it('shows the server’s own message, bare, for a code the console has no words for', () => {
    const error = new ApiError(400, 'CALLBACK_WINDOW_INVALID', 'a window may be at most 12 hours long');
    expect(describeServerError(en, error)).toBe('a window may be at most 12 hours long');
    expect(describeError(en, error)).toBe('Something went wrong: a window may be at most 12 hours long');
  });

  it('keeps the console’s words for known codes and for failures that are not API errors', () => {
    expect(describeServerError(en, new ApiError(403, 'FORBIDDEN', 'nope'))).toBe('You are not allowed to do that.');
    expect(describeServerError(en, new Error('offline'))).toBe('Something went wrong: offline');
  });
});
