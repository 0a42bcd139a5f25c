import { ar, en, type MessageKey } from './dictionary';

export type Language = 'en' | 'ar';
export const languages: readonly { code: Language; name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'ar', name: 'العربية' },
];

const dictionaries: Record<Language, Record<MessageKey, string>> = { en, ar };

export type Vars = Record<string, string | number>;

/** The string for `key` in `lang`, with `{name}` placeholders filled from `vars`. */
export function translate(lang: Language, key: MessageKey, vars: Vars = {}): string {
  const template = dictionaries[lang][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function hasKey(key: string): key is MessageKey {
  return key in en;
}

export function dirOf(lang: Language): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

/** The saved choice if any, else the first of the browser's languages we speak, else English. */
export function pickLanguage(saved: string | null, browserLanguages: readonly string[]): Language {
  if (saved === 'ar' || saved === 'en') return saved;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'ar' || base === 'en') return base;
  }
  return 'en';
}

export type RelativeUnit = 'second' | 'minute' | 'hour' | 'day';

/** How long ago `then` was, as a value and unit for Intl.RelativeTimeFormat (e.g. -5 minute). */
export function relativeParts(thenMs: number, nowMs: number): { value: number; unit: RelativeUnit } {
  const seconds = Math.round((thenMs - nowMs) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return { value: 0, unit: 'second' };
  if (abs < 45 * 60) return { value: Math.round(seconds / 60), unit: 'minute' };
  if (abs < 22 * 3600) return { value: Math.round(seconds / 3600), unit: 'hour' };
  return { value: Math.round(seconds / 86_400), unit: 'day' };
}

/** A file size for people: "512 bytes", "42 kB", "1.5 MB" (1 kB = 1024 bytes), in the UI language. */
export function formatFileSize(lang: Language, bytes: number): string {
  const format = (value: number, unit: 'byte' | 'kilobyte' | 'megabyte', unitDisplay: 'long' | 'short') =>
    new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay, maximumFractionDigits: value < 10 && unit !== 'byte' ? 1 : 0 }).format(value);
  if (bytes < 1024) return format(bytes, 'byte', 'long');
  if (bytes < 1024 * 1024) return format(bytes / 1024, 'kilobyte', 'short');
  return format(bytes / 1024 / 1024, 'megabyte', 'short');
}
