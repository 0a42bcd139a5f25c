import type { RoutingOverview } from '../api/types';
import { useConsole } from '../console-context';
import { useI18n } from '../i18n/i18n-context';
import { channelName } from '../i18n/routing-names';
import { DataTable } from './DataTable';

/** Queues per team and channel: how many wait and the oldest wait. */
export function QueueTable({ queues, elapsed }: { queues: RoutingOverview['queues']; elapsed: (seconds: number) => string }) {
  const { t } = useI18n();
  const { teams } = useConsole();
  if (queues.length === 0) return <p className="muted">{t('supervisor.queues.empty')}</p>;
  return (
    <DataTable
      testId="queue-table"
      columns={[t('supervisor.queue.team'), t('supervisor.queue.channel'), t('supervisor.queue.waiting'), t('supervisor.queue.oldest')]}
    >
      {queues.map((q) => (
        <tr key={`${q.teamId ?? ''}|${q.channel}`} data-testid="queue-row" data-team-id={q.teamId ?? ''} data-channel={q.channel}>
          <th scope="row">
            <bdi dir="auto">{q.teamId ? (teams.find((x) => x.id === q.teamId)?.name ?? t('team.unknown')) : t('supervisor.queue.noTeam')}</bdi>
          </th>
          <td>{channelName(t, q.channel)}</td>
          <td data-testid="queue-waiting">{q.waiting}</td>
          <td>
            <span className="ticking">{elapsed(q.oldestWaitSeconds)}</span>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
