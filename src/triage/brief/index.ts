export type { Brief, BriefFact, BriefInput, BriefLocale, BriefMessage, BriefMessageKind, BriefTransfer } from './brief-types.ts';
export { buildLocalBrief } from './brief-rules.ts';
export { writeBrief, type BriefEndpoint, type WriteBriefOptions } from './write-brief.ts';
