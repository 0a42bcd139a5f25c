/**
 * What applying the rules' outcome may change on a conversation: pure. Rules sort work that
 * nobody has sorted; they never overrule a person.
 */
import type { RoutingOutcome, RulePriority } from './routing-rule-types.ts';

export interface RoutedConversation {
  status: string;
  ownerId: string | null;
  teamId: string | null;
  priority: RulePriority;
}

/** Why an action of the outcome was left out. */
export type KeptReason = 'closed' | 'has_owner' | 'team_set_by_hand' | 'priority_not_raised';

export interface RoutingEffects {
  /** The team to move to; left out when the team stays. */
  teamId?: string | null;
  /** The priority to raise to; left out when it stays. */
  priority?: RulePriority;
  kept: KeptReason[];
}

const rank: Record<RulePriority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

/**
 * `rulesTeamId` is the team earlier rules put the conversation in (undefined: they never did).
 * - The team moves only while nobody owns the conversation (moving an owned one is a transfer,
 *   which needs a person's reason) and only when its team is empty or is the one rules chose: a
 *   team set by an agent or by the integration that opened the conversation stays.
 * - Priority only goes up, so a person's higher choice is never lowered.
 */
export function planRoutingEffects(conversation: RoutedConversation, outcome: RoutingOutcome, rulesTeamId: string | null | undefined): RoutingEffects {
  const kept: KeptReason[] = [];
  if (conversation.status === 'closed') return { kept: ['closed'] };
  const effects: RoutingEffects = { kept };
  if (outcome.teamId !== undefined && outcome.teamId !== conversation.teamId) {
    if (conversation.ownerId !== null) kept.push('has_owner');
    else if (conversation.teamId !== null && conversation.teamId !== rulesTeamId) kept.push('team_set_by_hand');
    else effects.teamId = outcome.teamId;
  }
  if (outcome.priority !== undefined && outcome.priority !== conversation.priority) {
    if (rank[outcome.priority] > rank[conversation.priority]) effects.priority = outcome.priority;
    else kept.push('priority_not_raised');
  }
  return effects;
}
