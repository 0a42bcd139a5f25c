import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import type { MessageKey } from './dictionary';
import { dirOf, formatFileSize, pickLanguage, relativeParts, translate, type Language, type Vars } from './translate';

const storageKey = 'sanad.console.language';

export interface I18n {
  lang: Language;
  dir: 'rtl' | 'ltr';
  setLang: (lang: Language) => void;
  t: (key: MessageKey, vars?: Vars) => string;
  /** "5 min ago" / "قبل 5 دقائق". */
  ago: (iso: string, nowMs: number) => string;
  /** A date and time in the UI language. */
  dateTime: (iso: string) => string;
  /** "42 kB" / "42 ك.ب". */
  fileSize: (bytes: number) => string;
}

const I18nContext = createContext<I18n | null>(null);

function savedLanguage(): string | null {
  try {
    return window.localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(() => pickLanguage(savedLanguage(), navigator.languages ?? [navigator.language]));
  const dir = dirOf(lang);

  // The whole document follows the language, so the browser lays out, scrolls and reads RTL.
  useLayoutEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = dir;
  }, [lang, dir]);

  const setLang = useCallback((next: Language) => {
    setLangState(next);
    try {
      window.localStorage.setItem(storageKey, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto', style: 'short' });
    const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      lang, dir, setLang,
      t: (key, vars) => translate(lang, key, vars),
      ago: (iso, nowMs) => {
        const { value: amount, unit } = relativeParts(new Date(iso).getTime(), nowMs);
        return relative.format(amount, unit);
      },
      dateTime: (iso) => dateTime.format(new Date(iso)),
      fileSize: (bytes) => formatFileSize(lang, bytes),
    };
  }, [lang, dir, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
