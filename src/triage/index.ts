export { identifyLanguage, type Language, type LanguageGuess, type Script } from './language/identify-language.ts';
export type { ArabicDialect } from './language/arabic-dialect.ts';
export { extractFacts, factKinds, type ExtractOptions, type Fact, type FactKind } from './facts/extract-facts.ts';
// Intent classification: train from labelled JSONL, classify, evaluate, save, load.
export { evaluate, type IntentEvaluation, type LabelScore } from './intent/evaluate.ts';
export { normalizeText, tokenize } from './intent/normalize.ts';
export { parseJsonl } from './intent/jsonl.ts';
export { IntentModel, OOS, type IntentModelMeta, type IntentResult, type RankedLabel } from './intent/model.ts';
export { loadModel, readJsonl, saveModel } from './intent/model-files.ts';
export { defaultTrainOptions, trainIntentModel, type IntentExample, type TrainIntentOptions } from './intent/train.ts';
// Readings: triage run on every committed customer message, kept per message.
export { readMessage, type Reading } from './readings/read-message.ts';
export { triageMessageEvent } from './readings/triage-subscriber.ts';
export { startTriage, type TriageOptions, type TriageRuntime } from './triage-runtime.ts';
export { triageMigrations, triageRoutes } from './triage-routes.ts';
// A workspace's own categories and models: examples, agents' labels, versions, rollback.
export { addExamples, changeCategory, createCategory, type NewCategoryInput } from './learning/category-commands.ts';
export { retrainIntentModel, activateModelVersion } from './learning/retrain.ts';
export { recategorise } from './learning/agent-labels.ts';
// Hand-off brief: who, language, intent, facts, what was tried and promised; local, or better prose from an OpenAI-compatible endpoint.
export { buildLocalBrief, writeBrief, type Brief, type BriefEndpoint, type BriefInput, type BriefLocale } from './brief/index.ts';
export { briefFor } from './handoff/handoff.ts';
