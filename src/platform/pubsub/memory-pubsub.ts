import { deliverSafely, reportDeliveryError, type DeliveryErrorHandler, type MessageHandler, type PubSub, type Unsubscribe } from './pubsub.ts';

export class MemoryPubSub implements PubSub {
  private readonly channels = new Map<string, Set<MessageHandler>>();
  private readonly onError: DeliveryErrorHandler;

  constructor(options: { onError?: DeliveryErrorHandler } = {}) {
    this.onError = options.onError ?? reportDeliveryError;
  }

  async publish(channel: string, message: string): Promise<void> {
    const handlers = this.channels.get(channel);
    if (!handlers) return;
    // Delivered on a later tick, as over a network, so publishers never run subscriber code inline.
    for (const handler of [...handlers]) queueMicrotask(() => deliverSafely(handler, message, channel, this.onError));
  }

  async subscribe(channel: string, handler: MessageHandler): Promise<Unsubscribe> {
    let handlers = this.channels.get(channel);
    if (!handlers) this.channels.set(channel, (handlers = new Set()));
    // Wrapped so the same function subscribed twice gets two independent subscriptions.
    const subscription: MessageHandler = (message) => handler(message);
    handlers.add(subscription);
    return async () => {
      handlers.delete(subscription);
    };
  }

  async close(): Promise<void> {
    this.channels.clear();
  }
}
