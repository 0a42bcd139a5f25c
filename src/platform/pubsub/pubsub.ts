export type MessageHandler = (message: string) => void;
export type Unsubscribe = () => Promise<void>;

/**
 * Fan-out messaging between the parts of Sanad, in one process (default) or across nodes (Redis).
 * Delivery is at-most-once and ordered per channel from one publisher; what must not be lost is
 * kept in the database first (the outbox) and only announced here.
 */
export interface PubSub {
  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, handler: MessageHandler): Promise<Unsubscribe>;
  close(): Promise<void>;
}

/** A subscriber that throws must not take the process or the other subscribers down with it. */
export type DeliveryErrorHandler = (error: unknown, channel: string) => void;

export const reportDeliveryError: DeliveryErrorHandler = (error, channel) => {
  console.error(`pub/sub handler on ${channel} failed:`, error);
};

export function deliverSafely(handler: MessageHandler, message: string, channel: string, onError: DeliveryErrorHandler): void {
  try {
    handler(message);
  } catch (error) {
    onError(error, channel);
  }
}
