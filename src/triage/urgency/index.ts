export { assessUrgency, baseScore, levelFloors, levelOf, wordingWeights, type Urgency, type UrgencyInput, type UrgencyLevel } from './assess-urgency.ts';
export type { WordingReason } from './wording.ts';
