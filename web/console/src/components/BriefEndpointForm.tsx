import { useEffect, useId, useState, type FormEvent } from 'react';
import type { BriefEndpointView } from '../api/types';
import { useConsole } from '../console-context';
import { describeError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';

type Problem = { field: 'baseUrl' | 'model' | 'apiKey' | 'timeout' | null; text: string };

/** Admins only: the OpenAI-compatible endpoint that writes briefs. The API key is never shown or prefilled. */
export function BriefEndpointForm() {
  const { t } = useI18n();
  const { api } = useConsole();
  const [current, setCurrent] = useState<BriefEndpointView | null | undefined>(undefined);
  const [baseUrl, setBaseUrl] = useState('');
  const [model, setModel] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [timeout, setTimeoutText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const ids = { baseUrl: useId(), model: useId(), apiKey: useId(), timeout: useId() };

  const show = (endpoint: BriefEndpointView | null) => {
    setCurrent(endpoint);
    setBaseUrl(endpoint?.baseUrl ?? '');
    setModel(endpoint?.model ?? '');
    setTimeoutText(endpoint ? String(endpoint.timeoutMs) : '');
    setApiKey('');
  };

  useEffect(() => {
    const abort = new AbortController();
    api.triageSettings(abort.signal).then(
      (s) => show(s.briefEndpoint),
      (e: unknown) => !abort.signal.aborted && setProblem({ field: null, text: describeError(t, e) }),
    );
    return () => abort.abort();
  }, [api, t]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const url = baseUrl.trim();
    const timeoutMs = timeout.trim() === '' ? undefined : Number(timeout.trim());
    if (!/^https?:\/\/.{1,}/.test(url)) return setProblem({ field: 'baseUrl', text: t('endpoint.invalidUrl') });
    if (!model.trim()) return setProblem({ field: 'model', text: t('endpoint.modelRequired') });
    if (!current?.apiKeySet && !apiKey) return setProblem({ field: 'apiKey', text: t('endpoint.apiKeyNeeded') });
    if (timeoutMs !== undefined && (!Number.isInteger(timeoutMs) || timeoutMs < 1000 || timeoutMs > 60_000)) {
      return setProblem({ field: 'timeout', text: t('endpoint.invalidTimeout') });
    }
    await put(() => api.saveTriageSettings({ baseUrl: url, model: model.trim(), ...(apiKey ? { apiKey } : {}), ...(timeoutMs ? { timeoutMs } : {}) }), t('endpoint.saved'));
  };

  const put = async (action: () => ReturnType<typeof api.saveTriageSettings>, done: string) => {
    setBusy(true);
    setProblem(null);
    setNotice(null);
    try {
      show((await action()).briefEndpoint);
      setNotice(done);
    } catch (e) {
      setProblem({ field: null, text: describeError(t, e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="settings__section" aria-labelledby="endpoint-title" data-testid="endpoint-section">
      <h2 id="endpoint-title">{t('endpoint.title')}</h2>
      <p className="hint">{t('endpoint.hint')}</p>
      {current !== undefined && (
        <p data-testid="endpoint-current">
          {current ? t('endpoint.current', { model: current.model, baseUrl: current.baseUrl }) : t('endpoint.none')}
        </p>
      )}
      <form className="settings-form" onSubmit={(e) => void save(e)} data-testid="endpoint-form">
        <div className="field">
          <label htmlFor={ids.baseUrl}>{t('endpoint.baseUrl')}</label>
          <input
            id={ids.baseUrl} type="url" dir="ltr" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} placeholder="https://api.example.com/v1"
            aria-invalid={problem?.field === 'baseUrl'} autoComplete="off" data-testid="endpoint-base-url"
          />
        </div>
        <div className="field">
          <label htmlFor={ids.model}>{t('endpoint.model')}</label>
          <input id={ids.model} dir="ltr" value={model} onChange={(e) => setModel(e.target.value)} aria-invalid={problem?.field === 'model'} autoComplete="off" data-testid="endpoint-model" />
        </div>
        <div className="field">
          <label htmlFor={ids.apiKey}>{t('endpoint.apiKey')}</label>
          <input
            id={ids.apiKey} type="password" dir="ltr" value={apiKey} onChange={(e) => setApiKey(e.target.value)} autoComplete="new-password"
            aria-invalid={problem?.field === 'apiKey'} aria-describedby={`${ids.apiKey}-hint`} data-testid="endpoint-api-key"
          />
          <p id={`${ids.apiKey}-hint`} className="hint">
            {current?.apiKeySet ? t('endpoint.apiKeyKept') : t('endpoint.apiKeyNeeded')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={ids.timeout}>{t('endpoint.timeout')}</label>
          <input
            id={ids.timeout} type="number" inputMode="numeric" min={1000} max={60000} step={1000} dir="ltr" value={timeout}
            onChange={(e) => setTimeoutText(e.target.value)} aria-invalid={problem?.field === 'timeout'} aria-describedby={`${ids.timeout}-hint`} data-testid="endpoint-timeout"
          />
          <p id={`${ids.timeout}-hint`} className="hint">
            {t('endpoint.timeoutHint')}
          </p>
        </div>
        {problem && (
          <p className="form-error" role="alert" data-testid="endpoint-error">
            {problem.text}
          </p>
        )}
        <p className="notice-line" role="status" data-testid="endpoint-notice">
          {notice ?? ''}
        </p>
        <div className="inline-form__buttons">
          <button type="submit" className="button button--primary" disabled={busy || current === undefined} data-testid="endpoint-save">
            {busy ? t('endpoint.saving') : t('endpoint.save')}
          </button>
          <button
            type="button" className="button" disabled={busy || !current} onClick={() => void put(() => api.saveTriageSettings(null), t('endpoint.cleared'))}
            data-testid="endpoint-clear"
          >
            {t('endpoint.clear')}
          </button>
        </div>
      </form>
    </section>
  );
}
