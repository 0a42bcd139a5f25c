import { useEffect, useState } from 'react';
import type { SlaCalendar, SlaPolicy } from '../api/sla-types';
import { useConsole } from '../console-context';
import { useSlaApi } from '../hooks/use-sla';
import { describeError, describeServerError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';
import { hasKey } from '../i18n/translate';
import { moved } from '../state/sla-policy-form';
import { NoticeLines } from './NoticeLines';
import { useDuration } from './SlaChip';
import { SlaPolicyForm } from './SlaPolicyForm';

type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; policy: SlaPolicy };

/** The policies in the order they are tried (the first enabled one that fits a conversation applies). */
export function SlaPoliciesSection({ calendars }: { calendars: readonly SlaCalendar[] }) {
  const { t } = useI18n();
  const { me } = useConsole();
  const sla = useSlaApi();
  const isAdmin = me.role === 'admin';
  const [policies, setPolicies] = useState<SlaPolicy[] | null>(null);
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const duration = useDuration(true);

  useEffect(() => {
    const abort = new AbortController();
    sla.policies(abort.signal).then(setPolicies, (e: unknown) => !abort.signal.aborted && setError(describeError(t, e)));
    return () => abort.abort();
  }, [sla, t]);

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      setNotice(await action());
    } catch (e) {
      setError(t('slaPolicies.failed', { message: describeServerError(t, e) }));
    } finally {
      setBusy(false);
    }
  };

  const replace = (saved: SlaPolicy) =>
    setPolicies((list) => [...(list ?? []).filter((p) => p.id !== saved.id), saved].sort((a, b) => a.position - b.position));

  const move = (policy: SlaPolicy, step: -1 | 1) => {
    const ids = moved((policies ?? []).map((p) => p.id), policy.id, step);
    if (ids) void run(async () => {
      setPolicies(await sla.orderPolicies(ids));
      return t('slaPolicies.moved', { name: policy.name });
    });
  };

  const toggle = (policy: SlaPolicy) => void run(async () => {
    const saved = await sla.updatePolicy(policy.id, { enabled: !policy.enabled });
    replace(saved);
    return t(saved.enabled ? 'slaPolicies.enabledNotice' : 'slaPolicies.disabledNotice', { name: saved.name });
  });

  const recompute = (policy: SlaPolicy) => void run(async () => {
    const { conversations } = await sla.recompute(policy.id);
    return t('slaPolicies.recomputed', { name: policy.name, count: conversations });
  });

  const target = (seconds: number | null) => (seconds === null ? '—' : duration(seconds));
  // Conditions may name values this console has no words for; those show as they are.
  const word = (prefix: string, v: string) => {
    const key = `${prefix}.${v}`;
    return hasKey(key) ? t(key) : v;
  };
  const conditionText = (p: SlaPolicy) => {
    const c = p.conditions;
    const parts = [
      c.channels && `${t('slaForm.channels')}: ${c.channels.map((v) => word('channel', v)).join(', ')}`,
      c.priorities && `${t('slaForm.priorities')}: ${c.priorities.map((v) => word('priority', v)).join(', ')}`,
      c.intents && `${t('slaForm.intents')}: ${c.intents.join(', ')}`,
      c.languages && `${t('slaForm.languages')}: ${c.languages.join(', ')}`,
      c.tiers && `${t('slaForm.tiers')}: ${c.tiers.join(', ')}`,
    ].filter(Boolean);
    return parts.length ? parts.join(' · ') : t('slaPolicies.everything');
  };

  return (
    <section className="settings__section" aria-labelledby="sla-policies-title" data-testid="sla-policies">
      <div className="settings__section-head">
        <h2 id="sla-policies-title">{t('slaPolicies.title')}</h2>
        {isAdmin && editing.kind === 'none' && (
          <button type="button" className="button button--primary" onClick={() => setEditing({ kind: 'new' })} data-testid="sla-policy-new">
            {t('slaPolicies.new')}
          </button>
        )}
      </div>
      <p className="hint">{t('slaPolicies.hint')}</p>
      <NoticeLines notice={notice} error={error} noticeTestId="sla-policy-notice" errorTestId="sla-policies-error" />
      {policies === null && !error && <p role="status">{t('slaSettings.loading')}</p>}
      {policies?.length === 0 && <p data-testid="sla-policies-empty">{t('slaPolicies.empty')}</p>}
      {policies && policies.length > 0 && (
        <ol className="sla-policy-list" data-testid="sla-policy-list">
          {policies.map((p, i) => (
            <li key={p.id} className={`sla-policy${p.enabled ? '' : ' row--archived'}`} data-testid="sla-policy-row" data-policy-id={p.id} data-name={p.name} data-enabled={p.enabled}>
              <div className="sla-policy__head">
                <strong dir="auto">{p.name}</strong>
                <span className={`badge ${p.enabled ? 'badge--open' : 'badge--closed'}`}>{p.enabled ? t('slaPolicies.enabled') : t('slaPolicies.disabled')}</span>
              </div>
              <p className="muted" dir="auto">{conditionText(p)}</p>
              <p>
                {t('sla.kind.first_response')}: {target(p.targets.firstResponseSeconds)} · {t('sla.kind.next_response')}: {target(p.targets.nextResponseSeconds)} ·{' '}
                {t('sla.kind.resolution')}: {target(p.targets.resolutionSeconds)}
                {p.escalation.length > 0 && <> · {t('slaPolicies.steps', { count: p.escalation.length })}</>}
              </p>
              {isAdmin && (
                <div className="row-buttons">
                  <button type="button" className="button button--small" disabled={busy || i === 0} onClick={() => move(p, -1)} aria-label={t('slaPolicies.upLabel', { name: p.name })} data-testid="sla-policy-up">
                    {t('slaPolicies.up')}
                  </button>
                  <button type="button" className="button button--small" disabled={busy || i === policies.length - 1} onClick={() => move(p, 1)} aria-label={t('slaPolicies.downLabel', { name: p.name })} data-testid="sla-policy-down">
                    {t('slaPolicies.down')}
                  </button>
                  <button type="button" className="button button--small" disabled={editing.kind !== 'none'} onClick={() => setEditing({ kind: 'edit', policy: p })} data-testid="sla-policy-edit">
                    {t('slaPolicies.edit')}
                  </button>
                  <button type="button" className="button button--small" disabled={busy} onClick={() => toggle(p)} data-testid="sla-policy-toggle">
                    {p.enabled ? t('slaPolicies.disable') : t('slaPolicies.enable')}
                  </button>
                  <button type="button" className="button button--small" disabled={busy} onClick={() => recompute(p)} title={t('slaPolicies.recomputeHint')} data-testid="sla-policy-recompute">
                    {t('slaPolicies.recompute')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {editing.kind !== 'none' && (
        <SlaPolicyForm
          key={editing.kind === 'edit' ? editing.policy.id : 'new'} policy={editing.kind === 'edit' ? editing.policy : null} calendars={calendars}
          onCancel={() => setEditing({ kind: 'none' })}
          onSaved={(saved, created) => {
            replace(saved);
            setEditing({ kind: 'none' });
            setNotice(t(created ? 'slaPolicies.created' : 'slaPolicies.saved', { name: saved.name }));
          }}
        />
      )}
    </section>
  );
}
