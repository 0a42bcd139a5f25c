import { capacityKeyOf } from '../decision/item-priority-rules.ts';
import { defaultRoutingPolicy } from '../decision/routing-policy-rules.ts';
import type { RoutingPriority } from '../decision/routing-types-rules.ts';
import { exponential, lognormal, seededRandom, weightedIndex, type Random } from './random-rules.ts';
import type { Scenario, ScenarioRoute } from './scenario-types-rules.ts';

/** One customer contact of the simulated day, with everything random about it drawn up front. */
export interface SimItem {
  id: string;
  channel: string;
  capacityKey: string;
  language: string;
  intent: string;
  skills: string[];
  priority: RoutingPriority;
  teamId: string | null;
  /** Seconds since the day's midnight. */
  arrival: number;
  handleSeconds: number;
  /** Seconds the customer will wait in a queue before leaving; Infinity never leaves. */
  patienceSeconds: number;
}

function teamFor(routes: readonly ScenarioRoute[], channel: string, language: string, intent: string): string | null {
  const route = routes.find((r) => (r.channel === null || r.channel === channel) && (r.language === null || r.language === language) && (r.intent === null || r.intent === intent));
  return route ? route.team : null;
}

/** Poisson arrival times for one channel, the rate constant within each hour. */
function arrivalTimes(random: Random, perHour: readonly number[]): number[] {
  const times: number[] = [];
  perHour.forEach((n, hour) => {
    if (n <= 0) return;
    const rate = n / 3600;
    for (let t = hour * 3600 + exponential(random, rate); t < (hour + 1) * 3600; t += exponential(random, rate)) times.push(t);
  });
  return times;
}

/**
 * The day's contacts for a seed. Every policy is run on the output of one call, so they face the
 * very same customers, needs, handle times and patience.
 */
export function generateArrivals(scenario: Scenario, seed: number = scenario.seed): SimItem[] {
  const random = seededRandom(seed);
  const languageWeights = scenario.languages.map((l) => l.share);
  const intentWeights = scenario.intents.map((i) => i.share);
  const items: Omit<SimItem, 'id'>[] = [];
  // Channels in a fixed (sorted) order, so the draws do not depend on JSON key order.
  for (const channel of Object.keys(scenario.arrivals).sort()) {
    const handle = scenario.handleTime[channel] ?? { median: 300, p90: 300 };
    const patience = scenario.patience[channel];
    for (const arrival of arrivalTimes(random, scenario.arrivals[channel] ?? [])) {
      const language = scenario.languages[weightedIndex(random, languageWeights)]?.code ?? 'en';
      const intent = scenario.intents[weightedIndex(random, intentWeights)];
      const name = intent?.name ?? 'general';
      items.push({
        channel,
        capacityKey: capacityKeyOf(channel, defaultRoutingPolicy),
        language,
        intent: name,
        skills: intent?.skills ?? [],
        priority: intent?.priority ?? 'normal',
        teamId: teamFor(scenario.routes, channel, language, name),
        arrival,
        handleSeconds: Math.max(1, lognormal(random, handle.median, handle.p90) * (intent?.handleTimeFactor ?? 1)),
        patienceSeconds: patience ? lognormal(random, patience.median, patience.p90) : Infinity,
      });
    }
  }
  items.sort((a, b) => a.arrival - b.arrival);
  return items.map((item, i) => ({ id: `c${String(i + 1).padStart(5, '0')}`, ...item }));
}
