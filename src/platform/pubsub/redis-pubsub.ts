import { Redis } from 'ioredis';
import type { MessageHandler, PubSub, Unsubscribe } from './pubsub.ts';

/** Redis pub/sub: one connection publishes, one listens (a subscribed connection can do nothing else). */
export class RedisPubSub implements PubSub {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly channels = new Map<string, Set<MessageHandler>>();

  private constructor(url: string) {
    this.publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
    this.subscriber = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
    this.subscriber.on('message', (channel: string, message: string) => {
      for (const handler of [...(this.channels.get(channel) ?? [])]) handler(message);
    });
  }

  static async connect(url: string): Promise<RedisPubSub> {
    const pubsub = new RedisPubSub(url);
    await Promise.all([pubsub.publisher.connect(), pubsub.subscriber.connect()]);
    return pubsub;
  }

  async publish(channel: string, message: string): Promise<void> {
    await this.publisher.publish(channel, message);
  }

  async subscribe(channel: string, handler: MessageHandler): Promise<Unsubscribe> {
    let handlers = this.channels.get(channel);
    if (!handlers) {
      this.channels.set(channel, (handlers = new Set()));
      await this.subscriber.subscribe(channel);
    }
    const subscription: MessageHandler = (message) => handler(message);
    handlers.add(subscription);
    return async () => {
      handlers.delete(subscription);
      if (handlers.size === 0 && this.channels.get(channel) === handlers) {
        this.channels.delete(channel);
        await this.subscriber.unsubscribe(channel);
      }
    };
  }

  async close(): Promise<void> {
    this.channels.clear();
    await Promise.all([this.publisher.quit(), this.subscriber.quit()]);
  }
}
