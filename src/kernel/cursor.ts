import { AppError } from './errors.ts';

export interface PageResult<T> {
  items: T[];
  nextCursor: string | null;
}

/** Cursors are opaque to clients: the keyset position of the last item, base64url JSON. */
export function encodeCursor(position: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, shape: readonly ('string' | 'number')[]): (string | number)[] | null {
  if (cursor === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const ok =
    Array.isArray(value) && value.length === shape.length && value.every((v, i) => typeof v === shape[i]);
  if (!ok) throw new AppError('INVALID_CURSOR', 'the cursor is not one this list gave out; start again without it');
  return value as (string | number)[];
}

/** Fetch `limit + 1` rows, give `limit` back, and a cursor when there was one more. */
export function toPage<T>(rows: T[], limit: number, positionOf: (row: T) => (string | number)[]): PageResult<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(positionOf(last)) : null };
}
