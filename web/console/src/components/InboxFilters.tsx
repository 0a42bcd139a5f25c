import { useId } from 'react';
import { conversationStatuses } from '../api/types';
import { useConsole } from '../console-context';
import { useI18n } from '../i18n/i18n-context';
import { toggleStatus, type InboxFilter, type OwnerFilter } from '../state/filters';
import { TeamOptions } from './TeamOptions';

const owners: OwnerFilter[] = ['all', 'me', 'none'];

export function InboxFilters({ filter, onFilter }: { filter: InboxFilter; onFilter: (next: InboxFilter) => void }) {
  const { t } = useI18n();
  const { teams } = useConsole();
  const teamId = useId();
  const ownerName = useId();

  return (
    <div className="filters">
      <fieldset className="segmented">
        <legend className="visually-hidden">{t('inbox.owner')}</legend>
        {owners.map((owner) => (
          <label key={owner} className="segmented__option">
            <input
              type="radio" name={ownerName} value={owner} checked={filter.owner === owner} data-testid={`filter-owner-${owner}`}
              onChange={() => onFilter({ ...filter, owner })}
            />
            <span>{t(`inbox.owner.${owner}`)}</span>
          </label>
        ))}
      </fieldset>
      <div className="filters__row">
        <label htmlFor={teamId}>{t('inbox.team')}</label>
        <select
          id={teamId} data-testid="filter-team" value={filter.teamId ?? ''}
          onChange={(e) => onFilter({ ...filter, teamId: e.target.value || null })}
        >
          <option value="">{t('inbox.team.any')}</option>
          <TeamOptions teams={teams} />
        </select>
      </div>
      <fieldset className="filters__statuses">
        <legend>{t('inbox.status')}</legend>
        {conversationStatuses.map((status) => (
          <label key={status} className="chip-check">
            <input
              type="checkbox" checked={filter.statuses.includes(status)} data-testid={`filter-status-${status}`}
              onChange={() => onFilter({ ...filter, statuses: toggleStatus(filter.statuses, status) })}
            />
            <span>{t(`status.${status}`)}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
