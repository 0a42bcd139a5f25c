export { reportDeliveryError, type DeliveryErrorHandler, type MessageHandler, type PubSub, type Unsubscribe } from './pubsub.ts';
export { MemoryPubSub } from './memory-pubsub.ts';
export { RedisPubSub } from './redis-pubsub.ts';
