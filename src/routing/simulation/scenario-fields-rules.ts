/**
 * Reading untrusted JSON field by field. Every problem is recorded with the path of the field
 * ('agents[3].shifts[0].start: expected HH:MM') and reading goes on with a default, so one pass
 * reports every mistake in a scenario file instead of the first.
 */
export type Json = Record<string, unknown>;

export const at = (path: string, key: string | number): string => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'string' ? JSON.stringify(v) : typeof v === 'object' ? 'an object' : String(v));

export class Fields {
  readonly errors: string[] = [];

  fail(path: string, message: string): void {
    this.errors.push(`${path || '(scenario)'}: ${message}`);
  }

  /** An object whose keys are all among `known` (a typo is an error, not a silent default). */
  object(v: unknown, path: string, known?: readonly string[]): Json {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      this.fail(path, `expected an object, got ${describe(v)}`);
      return {};
    }
    if (known) for (const key of Object.keys(v)) if (!known.includes(key)) this.fail(at(path, key), `unknown field (known: ${known.join(', ')})`);
    return v as Json;
  }

  /** A map: any keys, checked by the caller. */
  record(v: unknown, path: string): Json {
    return this.object(v, path);
  }

  array(v: unknown, path: string): unknown[] {
    if (!Array.isArray(v)) {
      this.fail(path, `expected an array, got ${describe(v)}`);
      return [];
    }
    return v;
  }

  string(v: unknown, path: string, fallback?: string): string {
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v !== 'string' || v.trim() === '') {
      this.fail(path, `expected a non-empty string, got ${describe(v)}`);
      return fallback ?? '';
    }
    return v;
  }

  nullableString(v: unknown, path: string): string | null {
    return v === undefined || v === null ? null : this.string(v, path);
  }

  number(v: unknown, path: string, o: { min?: number; max?: number; integer?: boolean; fallback?: number } = {}): number {
    if (v === undefined && o.fallback !== undefined) return o.fallback;
    const bad = typeof v !== 'number' || !Number.isFinite(v) || (o.integer && !Number.isInteger(v)) || (o.min !== undefined && v < o.min) || (o.max !== undefined && v > o.max);
    if (bad) {
      const range = o.min !== undefined && o.max !== undefined ? ` from ${o.min} to ${o.max}` : o.min !== undefined ? ` ≥ ${o.min}` : '';
      this.fail(path, `expected ${o.integer ? 'a whole number' : 'a number'}${range}, got ${describe(v)}`);
      return o.fallback ?? o.min ?? 0;
    }
    return v as number;
  }

  boolean(v: unknown, path: string, fallback: boolean): boolean {
    if (v === undefined) return fallback;
    if (typeof v !== 'boolean') this.fail(path, `expected true or false, got ${describe(v)}`);
    return v === true;
  }

  oneOf<T extends string>(v: unknown, path: string, options: readonly T[], fallback: T): T {
    if (v === undefined) return fallback;
    if (typeof v !== 'string' || !options.includes(v as T)) {
      this.fail(path, `expected one of ${options.join(', ')}, got ${describe(v)}`);
      return fallback;
    }
    return v as T;
  }

  /** 'HH:MM', 00:00 to 24:00. */
  clock(v: unknown, path: string): string {
    const m = typeof v === 'string' ? /^(\d{2}):(\d{2})$/.exec(v) : null;
    if (!m || Number(m[2]) > 59 || Number(m[1]) * 60 + Number(m[2]) > 24 * 60) {
      this.fail(path, `expected HH:MM, got ${describe(v)}`);
      return '00:00';
    }
    return v as string;
  }

  timeZone(v: unknown, path: string, fallback?: string): string {
    const zone = this.string(v, path, fallback);
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
    } catch {
      this.fail(path, `unknown time zone ${describe(zone)}`);
      return 'UTC';
    }
    return zone;
  }

  /** 'YYYY-MM-DD' that is a real date. */
  date(v: unknown, path: string): string {
    const text = typeof v === 'string' ? v : '';
    const d = new Date(`${text}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text) {
      this.fail(path, `expected a date YYYY-MM-DD, got ${describe(v)}`);
      return '2026-01-01';
    }
    return text;
  }

  /** { name: 1..5 } proficiencies. */
  levels(v: unknown, path: string): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [k, level] of Object.entries(v === undefined ? {} : this.record(v, path))) out[k] = this.number(level, at(path, k), { min: 1, max: 5 });
    return out;
  }
}
