export type { MessageHandler, PubSub, Unsubscribe } from './pubsub.ts';
export { MemoryPubSub } from './memory-pubsub.ts';
export { RedisPubSub } from './redis-pubsub.ts';
