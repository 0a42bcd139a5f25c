/** The languages the widget speaks, and how it picks one. No DOM access: callers pass what they read. */
export type Locale = 'en' | 'ar';

const supported: readonly Locale[] = ['en', 'ar'];

/** 'ar-EG', 'AR', 'ar_SA' → 'ar'; anything unsupported or empty → null. */
export function matchLocale(tag: string | null | undefined): Locale | null {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] as Locale;
  return supported.includes(primary) ? primary : null;
}

export interface LocaleSources {
  /** the loader's data-locale attribute */
  attribute?: string | null;
  /** the host page's <html lang> */
  pageLang?: string | null;
  /** navigator.languages (or [navigator.language]) */
  browser?: readonly string[] | null;
}

/** data-locale, else the host page's <html lang>, else the browser's languages in order, else English. */
export function chooseLocale(sources: LocaleSources): Locale {
  const fromBrowser = (sources.browser ?? []).map(matchLocale).find((l) => l !== null);
  return matchLocale(sources.attribute) ?? matchLocale(sources.pageLang) ?? fromBrowser ?? 'en';
}

export const directionOf = (locale: Locale): 'rtl' | 'ltr' => (locale === 'ar' ? 'rtl' : 'ltr');
