import { normalizeSkillName, normalizeTag, primaryTag } from './agent-profile-rules.ts';
import { capacityKeyOf, waitedSeconds } from './item-priority-rules.ts';
import type { ItemNeeds } from './match-score-rules.ts';
import type { RoutingPolicy } from './routing-policy-rules.ts';
import { routeTargets, type RouteTable } from './route-targets-rules.ts';
import type { WaitingItem } from './routing-types-rules.ts';

/** What an item needs from an agent right now: capacity key, language, skills and where it may go. */
export function itemNeeds(item: WaitingItem, now: Date, policy: RoutingPolicy, table: RouteTable): ItemNeeds {
  const capacityKey = capacityKeyOf(item.channel, policy);
  const language = item.requiredLanguage ? normalizeTag(item.requiredLanguage) : null;
  const skills = item.requiredSkills.length === 0 ? [] : [...new Set(item.requiredSkills.map(normalizeSkillName))].sort();
  const { targets, key } = routeTargets(item.teamId, waitedSeconds(item, now), table);
  const needsKey = `${capacityKey}|${language ?? ''}|${skills.join('+')}`;
  return { item, capacityKey, language, languagePrimary: language ? primaryTag(language) : null, skills, targets, needsKey, signature: `${needsKey}|${key}` };
}
