import { useConsole } from '../console-context';
import { useI18n } from '../i18n/i18n-context';
import { BackLink } from './BackLink';
import { BriefEndpointForm } from './BriefEndpointForm';
import { CategoriesSection } from './CategoriesSection';
import { ModelVersionsSection } from './ModelVersionsSection';

/** Managers' triage settings: intent categories, model versions, and (admins) the brief endpoint. */
export function TriageSettingsScreen({ onBack }: { onBack: () => void }) {
  const { t } = useI18n();
  const { me } = useConsole();
  return (
    <main id="conversation-main" className="settings" aria-labelledby="settings-title" tabIndex={-1} data-testid="triage-settings">
      <div className="settings__head">
        <h1 id="settings-title">{t('settings.title')}</h1>
        <BackLink onBack={onBack} testId="settings-back" />
      </div>
      <CategoriesSection />
      <ModelVersionsSection />
      {me.role === 'admin' && <BriefEndpointForm />}
    </main>
  );
}
