export {
  createSentimentReader, lexiconTrusted, modelPolarFloor, neutralBand, readSentiment,
  type ReaderOptions, type Sentiment, type SentimentLabel, type SentimentReader,
} from './read-sentiment.ts';
export type { LinearModel } from './arabic-model.ts';
