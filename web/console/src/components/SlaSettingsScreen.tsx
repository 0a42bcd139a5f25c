import { useEffect, useState } from 'react';
import type { SlaCalendar } from '../api/sla-types';
import { useSlaApi } from '../hooks/use-sla';
import { describeError } from '../i18n/errors';
import { useI18n } from '../i18n/i18n-context';
import { BackLink } from './BackLink';
import { SlaCalendarsSection } from './SlaCalendarsSection';
import { SlaPoliciesSection } from './SlaPoliciesSection';
import { SlaReportSection } from './SlaReportSection';

/**
 * SLAs for managers: how promises were kept (report), the policies in the order they are tried,
 * and the business calendars they count in. Admins edit; supervisors read.
 */
export function SlaSettingsScreen({ onBack }: { onBack: () => void }) {
  const { t } = useI18n();
  const sla = useSlaApi();
  const [calendars, setCalendars] = useState<SlaCalendar[] | null>(null);
  const [calendarsError, setCalendarsError] = useState<string | null>(null);

  // Loaded here because both the policy form (its calendar) and the calendars section need them.
  useEffect(() => {
    const abort = new AbortController();
    sla.calendars(abort.signal).then(setCalendars, (e: unknown) => !abort.signal.aborted && setCalendarsError(describeError(t, e)));
    return () => abort.abort();
  }, [sla, t]);

  return (
    <main id="conversation-main" className="settings" aria-labelledby="sla-settings-title" tabIndex={-1} data-testid="sla-settings">
      <div className="settings__head">
        <h1 id="sla-settings-title">{t('slaSettings.title')}</h1>
        <BackLink onBack={onBack} testId="settings-back" />
      </div>
      <SlaReportSection />
      <SlaPoliciesSection calendars={calendars ?? []} />
      <SlaCalendarsSection calendars={calendars} error={calendarsError} onCalendars={setCalendars} />
    </main>
  );
}
