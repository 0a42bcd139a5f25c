import { describe, it } from 'vitest';
import { RedisPubSub } from './redis-pubsub.ts';
import { describePubSubContract } from './pubsub.contract.ts';

const url = process.env.REDIS_URL;

if (url) {
  describePubSubContract('Redis', () => RedisPubSub.connect(url));
} else {
  describe('PubSub contract: Redis', () => {
    it.skip('runs when REDIS_URL is set', () => {});
  });
}
