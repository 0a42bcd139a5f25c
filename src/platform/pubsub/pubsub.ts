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
