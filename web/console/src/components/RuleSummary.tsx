import { useId } from 'react';
import type { RoutingRule } from '../api/types';
import { useConditionText } from '../hooks/use-condition-text';
import { useI18n } from '../i18n/i18n-context';

interface SummaryProps {
  rule: RoutingRule;
  index: number;
  count: number;
  canEdit: boolean;
  busy: boolean;
  onToggle: (enabled: boolean) => void;
  onMove: (by: -1 | 1) => void;
  onEdit: () => void;
  onDelete: () => void;
}

/** A rule as read: name, state, when and then; admins get enable, move, edit and delete. */
export function RuleSummary({ rule, index, count, canEdit, busy, onToggle, onMove, onEdit, onDelete }: SummaryProps) {
  const { t } = useI18n();
  const text = useConditionText();
  const toggleId = useId();
  const actions = text.actions(rule);
  return (
    <div className="rule-summary">
      <div className="rule-summary__head">
        <span className="rule-summary__position" aria-hidden="true">
          {rule.position}.
        </span>
        <h3 className="rule-summary__name">
          <bdi dir="auto">{rule.name}</bdi>
        </h3>
        <span className={`badge ${rule.enabled ? 'badge--model-active' : 'badge--model-retired'}`} data-testid="rule-state">
          {rule.enabled ? t('rules.enabled') : t('rules.disabled')}
        </span>
      </div>
      <dl className="rule-summary__body">
        <dt>{t('rules.when')}</dt>
        <dd>
          {rule.conditions.length === 0 ? (
            t('rules.always')
          ) : (
            <ul>
              {rule.conditions.map((c, i) => (
                <li key={i}>
                  <bdi dir="auto">{text.condition(c)}</bdi>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('rules.then')}</dt>
        <dd>{actions.length === 0 ? t('rules.summary.nothing') : actions.join(' · ')}</dd>
      </dl>
      {canEdit && (
        <div className="row-buttons rule-summary__tools">
          <span className="check-field">
            <input id={toggleId} type="checkbox" checked={rule.enabled} disabled={busy} onChange={(e) => onToggle(e.target.checked)} data-testid="rule-toggle" />
            <label htmlFor={toggleId}>
              {t('rules.enabledField')}
              <span className="visually-hidden"> — {rule.name}</span>
            </label>
          </span>
          <button type="button" className="button button--small" disabled={busy || index === 0} onClick={() => onMove(-1)} aria-label={t('rules.moveUpLabel', { name: rule.name })} data-testid="rule-up">
            ↑ {t('rules.moveUp')}
          </button>
          <button type="button" className="button button--small" disabled={busy || index === count - 1} onClick={() => onMove(1)} aria-label={t('rules.moveDownLabel', { name: rule.name })} data-testid="rule-down">
            ↓ {t('rules.moveDown')}
          </button>
          <button type="button" className="button button--small" disabled={busy} onClick={onEdit} aria-label={t('rules.editLabel', { name: rule.name })} data-testid="rule-edit">
            {t('rules.edit')}
          </button>
          <button type="button" className="button button--small button--danger" disabled={busy} onClick={onDelete} aria-label={t('rules.deleteLabel', { name: rule.name })} data-testid="rule-delete">
            {t('rules.delete')}
          </button>
        </div>
      )}
    </div>
  );
}
