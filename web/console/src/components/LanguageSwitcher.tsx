import { useId } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { languages, type Language } from '../i18n/translate';

export function LanguageSwitcher() {
  const { lang, setLang, t } = useI18n();
  const id = useId();
  return (
    <span className="language-switcher">
      <label htmlFor={id}>{t('header.language')}</label>
      <select id={id} data-testid="language-switcher" value={lang} onChange={(e) => setLang(e.target.value as Language)}>
        {languages.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </span>
  );
}
