import { Redis } from 'ioredis';
import { deliverSafely, reportDeliveryError, type DeliveryErrorHandler, type MessageHandler, type PubSub, type Unsubscribe } from './pubsub.ts';

interface Channel {
  handlers: Set<MessageHandler>;
  /** Resolves once Redis confirmed the subscription; every subscriber waits for it. */
  ready: Promise<unknown>;
}

/** Redis pub/sub: one connection publishes, one listens (a subscribed connection can do nothing else). */
export class RedisPubSub implements PubSub {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly channels = new Map<string, Channel>();
  private readonly onError: DeliveryErrorHandler;

  private constructor(url: string, onError: DeliveryErrorHandler) {
    this.onError = onError;
    this.publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
    this.subscriber = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
    this.subscriber.on('message', (channel: string, message: string) => {
      for (const handler of [...(this.channels.get(channel)?.handlers ?? [])]) deliverSafely(handler, message, channel, this.onError);
    });
  }

  static async connect(url: string, options: { onError?: DeliveryErrorHandler } = {}): Promise<RedisPubSub> {
    const pubsub = new RedisPubSub(url, options.onError ?? reportDeliveryError);
    await Promise.all([pubsub.publisher.connect(), pubsub.subscriber.connect()]);
    return pubsub;
  }

  async publish(channel: string, message: string): Promise<void> {
    await this.publisher.publish(channel, message);
  }

  async subscribe(channel: string, handler: MessageHandler): Promise<Unsubscribe> {
    let entry = this.channels.get(channel);
    if (!entry) {
      entry = { handlers: new Set(), ready: this.subscriber.subscribe(channel) };
      this.channels.set(channel, entry);
    }
    const current = entry;
    const subscription: MessageHandler = (message) => handler(message);
    current.handlers.add(subscription);
    await current.ready;
    return async () => {
      current.handlers.delete(subscription);
      if (current.handlers.size === 0 && this.channels.get(channel) === current) {
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
