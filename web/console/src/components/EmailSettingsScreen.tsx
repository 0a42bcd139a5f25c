import { useState, type MouseEvent } from 'react';
import type { Mailbox } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { routeBase, routePath } from '../routing/use-route';
import { FailedMailSection } from './FailedMailSection';
import { MailboxesSection } from './MailboxesSection';

/** Admins' email settings: the mailboxes mail arrives at, and the mail that could not be read. */
export function EmailSettingsScreen({ onBack }: { onBack: () => void }) {
  const { t } = useI18n();
  const [mailboxes, setMailboxes] = useState<readonly Mailbox[]>([]);
  const back = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onBack();
  };
  return (
    <main id="conversation-main" className="settings" aria-labelledby="email-settings-title" tabIndex={-1} data-testid="email-settings">
      <div className="settings__head">
        <h1 id="email-settings-title">{t('emailSettings.title')}</h1>
        <a href={routePath({ conversationId: null }, routeBase)} onClick={back} data-testid="settings-back">
          {t('settings.back')}
        </a>
      </div>
      <MailboxesSection onMailboxes={setMailboxes} />
      <FailedMailSection mailboxes={mailboxes} />
    </main>
  );
}
