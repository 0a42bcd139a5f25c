import type { MouseEvent } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { isPlainLeftClick } from '../routing/plain-click';
import { routeBase, routePath } from '../routing/use-route';

/** "Back to conversations": a real link (middle click, new tab), handled in the page on a plain left click. */
export function BackLink({ onBack, testId }: { onBack: () => void; testId: string }) {
  const { t } = useI18n();
  const back = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!isPlainLeftClick(event)) return;
    event.preventDefault();
    onBack();
  };
  return (
    <a href={routePath({ conversationId: null }, routeBase)} onClick={back} data-testid={testId}>
      {t('settings.back')}
    </a>
  );
}
