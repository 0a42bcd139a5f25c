/** The honest wait: a prediction per queue from live state, measured against what happened. */
export { predictWait, waitAccuracy, type WaitAgent, type WaitPrediction, type WaitQueueState, type ChannelAccuracy } from './wait-rules.ts';
export { queueWait, type QueueWait, type WaitQuery } from './wait-service.ts';
export { startWaitTracking, trackWaitEvent } from './wait-tracking.ts';
export { chatWaitSource } from './wait-chat.ts';
export { waitRoutes } from './wait-routes.ts';
export { waitMigrations } from './migrations.ts';
