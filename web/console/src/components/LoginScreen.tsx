import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/http';
import type { SanadApi } from '../api/sanad-api';
import type { Session } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { LanguageSwitcher } from './LanguageSwitcher';

export function LoginScreen({ api, expired, onSignedIn }: { api: SanadApi; expired: boolean; onSignedIn: (session: Session) => void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.login(email.trim(), password));
    } catch (e) {
      const code = e instanceof ApiError ? e.code : '';
      setError(code === 'LOGIN_RATE_LIMITED' ? t('login.rateLimited') : code === 'NETWORK' ? t('error.NETWORK') : t('login.failed'));
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <div className="login__lang">
        <LanguageSwitcher />
      </div>
      <form className="login__card" onSubmit={submit} aria-labelledby="login-title" noValidate={false}>
        <h1 id="login-title">
          <span className="brand" aria-hidden="true">
            سند
          </span>{' '}
          {t('login.title')}
        </h1>
        {expired && <p className="notice">{t('session.expired')}</p>}
        <label htmlFor="login-email">{t('login.email')}</label>
        <input
          id="login-email" data-testid="login-email" type="email" autoComplete="username" dir="ltr" required autoFocus
          value={email} onChange={(e) => setEmail(e.target.value)}
        />
        <label htmlFor="login-password">{t('login.password')}</label>
        <input
          id="login-password" data-testid="login-password" type="password" autoComplete="current-password" dir="ltr" required
          value={password} onChange={(e) => setPassword(e.target.value)}
        />
        {error && (
          <p className="form-error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary" data-testid="login-submit" disabled={busy}>
          {busy ? t('login.signingIn') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
