import { describe, expect, it } from 'vitest';
import { bestAgentForItem } from './best-match.ts';
import { decideAssignments } from './decide-assignments.ts';
import { agent, item, NOW, team } from './routing-fixtures.test-data.ts';
import type { AgentState, WaitingItem } from './routing-types-rules.ts';

const teams = [team('support')];
const pick = (work: WaitingItem, agents: AgentState[], policy = {}) => bestAgentForItem({ now: NOW, item: work, agents, teams, policy });

describe('language', () => {
  it('when an item needs Arabic, then only an agent who speaks Arabic gets it', () => {
    const agents = [agent('en-only'), agent('bilingual', { languages: [{ code: 'en', proficiency: 5 }, { code: 'ar', proficiency: 3 }] })];
    expect(pick(item('c', { requiredLanguage: 'ar' }), agents)).toMatchObject({ agentId: 'bilingual' });
  });

  it('when nobody speaks the language, then the item waits with no_agent_with_language', () => {
    expect(pick(item('c', { requiredLanguage: 'fr' }), [agent('en-only')])).toMatchObject({ reason: 'no_agent_with_language' });
  });

  it('when two agents speak the language, then the more proficient one gets it', () => {
    const agents = [agent('ar3', { languages: [{ code: 'ar', proficiency: 3 }] }), agent('ar5', { languages: [{ code: 'AR', proficiency: 5 }] })];
    expect(pick(item('c', { requiredLanguage: 'ar' }), agents)).toMatchObject({ agentId: 'ar5' });
  });

  it('when proficiency is below the policy floor, then the agent does not count as speaking it', () => {
    const agents = [agent('weak', { languages: [{ code: 'ar', proficiency: 2 }] })];
    expect(pick(item('c', { requiredLanguage: 'ar' }), agents, { minLanguageProficiency: 3 })).toMatchObject({ reason: 'no_agent_with_language' });
  });

  it('when triage reads Egyptian Arabic, then any Arabic speaker qualifies and one who lists the dialect is preferred', () => {
    const agents = [agent('gulf', { languages: [{ code: 'ar', proficiency: 5 }] }), agent('egypt', { languages: [{ code: 'ar-EG', proficiency: 5 }] })];
    expect(pick(item('c', { requiredLanguage: 'ar-eg' }), agents)).toMatchObject({ agentId: 'egypt' });
    expect(pick(item('c', { requiredLanguage: 'ar-eg' }), [agents[0] as AgentState])).toMatchObject({ agentId: 'gulf' });
  });

  it('when an item needs no language, then any agent qualifies', () => {
    expect(pick(item('c'), [agent('a', { languages: [] })])).toMatchObject({ agentId: 'a' });
  });
});

describe('skills', () => {
  const billing = agent('billing', { skills: [{ name: 'Billing', proficiency: 4 }] });
  const both = agent('both', { skills: [{ name: 'billing', proficiency: 2 }, { name: 'refunds', proficiency: 2 }] });

  it('when an item needs two skills, then only an agent with both gets it', () => {
    expect(pick(item('c', { requiredSkills: ['billing', 'Refunds'] }), [billing, both])).toMatchObject({ agentId: 'both' });
  });

  it('when nobody has a required skill, then the item waits with no_agent_with_skill', () => {
    expect(pick(item('c', { requiredSkills: ['fraud'] }), [billing, both])).toMatchObject({ reason: 'no_agent_with_skill' });
  });

  it('when several agents have the skill, then the most proficient gets it', () => {
    expect(pick(item('c', { requiredSkills: ['billing'] }), [both, billing])).toMatchObject({ agentId: 'billing' });
  });

  it('when a skill is below the policy floor, then it does not count', () => {
    expect(pick(item('c', { requiredSkills: ['refunds'] }), [both], { minSkillProficiency: 3 })).toMatchObject({ reason: 'no_agent_with_skill' });
  });

  it('when an agent speaks the language but lacks the skill, then the reason names the skill', () => {
    const agents = [agent('ar', { languages: [{ code: 'ar', proficiency: 5 }] })];
    expect(pick(item('c', { requiredLanguage: 'ar', requiredSkills: ['billing'] }), agents)).toMatchObject({ reason: 'no_agent_with_skill' });
  });
});

describe('load', () => {
  it('when two agents are equally fit, then the less loaded one (as a share of capacity) gets the item', () => {
    const agents = [agent('busy', { load: { chat: 2 } }), agent('calm', { load: { chat: 1 } })];
    expect(pick(item('c'), agents)).toMatchObject({ agentId: 'calm' });
  });

  it('when proficiency and load pull apart, then a far better speaker may carry more', () => {
    const agents = [agent('native', { languages: [{ code: 'ar', proficiency: 5 }], load: { chat: 1 } }), agent('basic', { languages: [{ code: 'ar', proficiency: 1 }] })];
    expect(pick(item('c', { requiredLanguage: 'ar' }), agents)).toMatchObject({ agentId: 'native' });
  });
});

describe('scores are explained', () => {
  it('when an item is assigned, then the score and effective priority come with it', () => {
    const { assignments } = decideAssignments({ now: NOW, waiting: [item('c', { requiredLanguage: 'en' })], agents: [agent('a')], teams });
    expect(assignments).toEqual([{ itemId: 'c', agentId: 'a', score: 10, effectivePriority: 1, via: 'team', previousAgent: false }]);
  });
});
