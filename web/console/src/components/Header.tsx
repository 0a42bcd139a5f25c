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
        <NavButton onClick={onCallbacks} open={callbacksOpen} testId="callbacks-button" label={t('header.callbacks')} />
        <NavButton onClick={onSupervisor} open={supervisorOpen} testId="supervisor-button" label={t('header.supervisor')} />
        <NavButton onClick={onRoutingRules} open={rulesOpen} testId="routing-rules-button" label={t('header.routingRules')} />
        <NavButton onClick={onTriageSettings} open={settingsOpen} testId="triage-settings-button" label={t('header.triageSettings')} />
        <NavButton onClick={onSlaSettings} open={slaSettingsOpen} testId="sla-settings-button" label={t('header.sla')} />
        <NavButton onClick={onEmailSettings} open={emailSettingsOpen} testId="email-settings-button" label={t('header.email')} />
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

/** A header link to a screen, shown only when the agent may open it; `aria-current` marks the open one. */
function NavButton({ onClick, open, testId, label }: { onClick: (() => void) | undefined; open: boolean; testId: string; label: string }) {
  if (!onClick) return null;
  return (
    <button type="button" className="button button--ghost" onClick={onClick} aria-current={open ? 'page' : undefined} data-testid={testId}>
      {label}
    </button>
  );
}
