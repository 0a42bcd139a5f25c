import type { RoutingCondition, RoutingRule, TimeWindow } from '../api/types';
import { useConsole } from '../console-context';
import { useI18n } from '../i18n/i18n-context';
import { hasKey } from '../i18n/translate';

/** A routing rule's conditions and actions in words, in the UI language. */
export function useConditionText() {
  const { t } = useI18n();
  const { teamName } = useConsole();
  const condition = (c: RoutingCondition): string => {
    const field = c.field.startsWith('contact.') ? c.field : hasKey(`rules.field.${c.field}`) ? t(`rules.field.${c.field}` as 'rules.field.channel') : c.field;
    const op = t(`rules.op.${c.op}`);
    if (c.op === 'between' || c.op === 'not_between') {
      const w = (c.value ?? { from: '', to: '' }) as TimeWindow;
      const days = w.days && w.days.length > 0 ? w.days.map((d) => t(`weekday.${d}`)).join(', ') : t('rules.summary.everyDay');
      // Isolated left to right, so “09:00–17:00” reads the same in Arabic.
      return `${field} ${op} \u2066${w.from}–${w.to}\u2069 (${days})`;
    }
    if (c.op === 'exists') return `${field}: ${c.value === false ? t('rules.existsNo') : t('rules.existsYes')}`;
    const value = Array.isArray(c.value) ? c.value.join(', ') : String(c.value ?? '');
    return `${field} ${op} ${value}`;
  };
  const actions = (rule: Pick<RoutingRule, 'actions' | 'stop'>): string[] => {
    const out: string[] = [];
    if (rule.actions.teamId !== undefined) out.push(rule.actions.teamId === null ? t('rules.summary.noTeam') : t('rules.summary.team', { team: teamName(rule.actions.teamId) ?? t('team.unknown') }));
    if (rule.actions.addSkills && rule.actions.addSkills.length > 0) out.push(t('rules.summary.skills', { skills: rule.actions.addSkills.join(', ') }));
    if (rule.actions.priority) out.push(t('rules.summary.priority', { priority: t(`priority.${rule.actions.priority}`) }));
    if (rule.stop) out.push(t('rules.summary.stop'));
    return out;
  };
  return { condition, actions };
}
