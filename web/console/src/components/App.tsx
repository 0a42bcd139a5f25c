import { useCallback, useEffect, useState } from 'react';
import { SanadApi } from '../api/sanad-api';
import type { Session } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { ConsoleShell } from './ConsoleShell';
import { LoginScreen } from './LoginScreen';

type SessionState = { kind: 'checking' } | { kind: 'signedOut'; expired: boolean } | { kind: 'signedIn'; session: Session };

/** Restores the session (GET /auth/session) or shows the sign-in screen. */
export function App() {
  const { t, dir, lang } = useI18n();
  const [state, setState] = useState<SessionState>({ kind: 'checking' });
  const [api] = useState(
    () => new SanadApi({ onUnauthorized: () => setState((s) => (s.kind === 'signedIn' ? { kind: 'signedOut', expired: true } : s)) }),
  );

  useEffect(() => {
    let cancelled = false;
    api.session().then(
      (session) => !cancelled && setState({ kind: 'signedIn', session }),
      () => !cancelled && setState({ kind: 'signedOut', expired: false }),
    );
    return () => {
      cancelled = true;
    };
  }, [api]);

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      setState({ kind: 'signedOut', expired: false });
    }
  }, [api]);

  return (
    <div className="app-root" dir={dir} lang={lang}>
      {state.kind === 'checking' && (
        <p className="centered-note" role="status">
          {t('session.loading')}
        </p>
      )}
      {state.kind === 'signedOut' && (
        <LoginScreen api={api} expired={state.expired} onSignedIn={(session) => setState({ kind: 'signedIn', session })} />
      )}
      {state.kind === 'signedIn' && <ConsoleShell key={state.session.agent.id} api={api} me={state.session.agent} onLogout={logout} />}
    </div>
  );
}
