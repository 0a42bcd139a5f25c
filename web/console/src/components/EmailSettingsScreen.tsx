import { useState } from 'react';
import type { Mailbox } from '../api/types';
import { useI18n } from '../i18n/i18n-context';
import { BackLink } from './BackLink';
import { FailedMailSection } from './FailedMailSection';
import { MailboxesSection } from './MailboxesSection';

/** Admins' email settings: the mailboxes mail arrives at, and the mail that could not be read. */
export function EmailSettingsScreen({ onBack }: { onBack: () => void }) {
  const { t } = useI18n();
  const [mailboxes, setMailboxes] = useState<readonly Mailbox[]>([]);
  return (
    <main id="conversation-main" className="settings" aria-labelledby="email-settings-title" tabIndex={-1} data-testid="email-settings">
      <div className="settings__head">
        <h1 id="email-settings-title">{t('emailSettings.title')}</h1>
        <BackLink onBack={onBack} testId="settings-back" />
      </div>
      <MailboxesSection onMailboxes={setMailboxes} />
      <FailedMailSection mailboxes={mailboxes} />
    </main>
  );
}
