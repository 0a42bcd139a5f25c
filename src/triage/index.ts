export { identifyLanguage, type Language, type LanguageGuess, type Script } from './language/identify-language.ts';
export type { ArabicDialect } from './language/arabic-dialect.ts';
export { extractFacts, factKinds, type ExtractOptions, type Fact, type FactKind } from './facts/extract-facts.ts';
