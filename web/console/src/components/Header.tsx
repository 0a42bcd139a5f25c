import type { ReactNode } from 'react';
import type { Agent } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import type { SocketStatus } from '../live/agent-socket';
import { LanguageSwitcher } from './LanguageSwitcher';

export interface HeaderProps {
  me: Agent;
  liveStatus: SocketStatus;
  onLogout: () => void;
  onHelp: () => void;
  /** Managers only: opens the triage settings screen. */
  onTriageSettings?: (() => void) | undefined;
  settingsOpen?: boolean;
  /** Managers only: opens the supervisor screen. */
  onSupervisor?: (() => void) | undefined;
  supervisorOpen?: boolean;
  /** Opens the routing rules (admins edit; everyone else reads). */
  onRoutingRules?: (() => void) | undefined;
  rulesOpen?: boolean;
  /** Opens the callbacks screen (every agent). */
  onCallbacks?: (() => void) | undefined;
  callbacksOpen?: boolean;
  /** Admins only: opens the email settings screen. */
  onEmailSettings?: (() => void) | undefined;
  emailSettingsOpen?: boolean;
  /** Managers only: opens the SLA screen (admins edit, supervisors read; the report). */
  onSlaSettings?: (() => void) | undefined;
  slaSettingsOpen?: boolean;
  /** The incoming transfers button and list. */
  transfers?: ReactNode;
}

export function Header({
  me, liveStatus, onLogout, onHelp, onTriageSettings, settingsOpen = false, onSupervisor, supervisorOpen = false, onRoutingRules, rulesOpen = false, onCallbacks, callbacksOpen = false,
  onEmailSettings, emailSettingsOpen = false, onSlaSettings, slaSettingsOpen = false, transfers,
}: HeaderProps) {
  const { t } = useI18n();
  const statusText = liveStatus === 'live' ? t('live.live') : liveStatus === 'connecting' ? t('live.connecting') : t('live.offline');
  return (
    <header className="topbar">
      <div className="topbar__brand">
        <span className="brand" lang="ar" aria-hidden="true">
          سند
        </span>
        <span className="topbar__title">{t('app.console')}</span>
      </div>
      <p className={`live-status live-status--${liveStatus}`} role="status" data-testid="connection-status" data-status={liveStatus}>
        <span className="live-status__dot" aria-hidden="true" />
        {statusText}
      </p>
      <div className="topbar__tools">
        <LanguageSwitcher />
        {transfers}
        {onCallbacks && (
          <button
            type="button" className="button button--ghost" onClick={onCallbacks} aria-current={callbacksOpen ? 'page' : undefined}
            data-testid="callbacks-button"
          >
            {t('header.callbacks')}
          </button>
        )}
        {onSupervisor && (
          <button
            type="button" className="button button--ghost" onClick={onSupervisor} aria-current={supervisorOpen ? 'page' : undefined}
            data-testid="supervisor-button"
          >
            {t('header.supervisor')}
          </button>
        )}
        {onRoutingRules && (
          <button
            type="button" className="button button--ghost" onClick={onRoutingRules} aria-current={rulesOpen ? 'page' : undefined}
            data-testid="routing-rules-button"
          >
            {t('header.routingRules')}
          </button>
        )}
        {onTriageSettings && (
          <button
            type="button" className="button button--ghost" onClick={onTriageSettings} aria-current={settingsOpen ? 'page' : undefined}
            data-testid="triage-settings-button"
          >
            {t('header.triageSettings')}
          </button>
        )}
        {onSlaSettings && (
          <button
            type="button" className="button button--ghost" onClick={onSlaSettings} aria-current={slaSettingsOpen ? 'page' : undefined}
            data-testid="sla-settings-button"
          >
            {t('header.sla')}
          </button>
        )}
        {onEmailSettings && (
          <button
            type="button" className="button button--ghost" onClick={onEmailSettings} aria-current={emailSettingsOpen ? 'page' : undefined}
            data-testid="email-settings-button"
          >
            {t('header.email')}
          </button>
        )}
        <button type="button" className="button button--ghost" onClick={onHelp} aria-keyshortcuts="?" data-testid="shortcuts-button">
          {t('header.shortcuts')}
        </button>
        <span className="topbar__me" dir="auto" title={me.email}>
          {t('header.signedInAs', { name: me.name })}
        </span>
        <button type="button" className="button" onClick={onLogout} data-testid="logout-button">
          {t('header.logout')}
        </button>
      </div>
    </header>
  );
}
