import { afterAll, describe, expect, it, vi } from 'vitest';
import type { MessageHandler, PubSub } from './pubsub.ts';

let counter = 0;
/** Unique per case and per run, so runs against a shared Redis never hear each other. */
const uniqueChannel = (label: string) =>
  `test.${label}.${process.pid}.${Date.now().toString(36)}.${Math.random().toString(36).slice(2)}.${counter++}`;

function recorder(): { messages: string[]; handler: MessageHandler } {
  const messages: string[] = [];
  return { messages, handler: (message) => void messages.push(message) };
}

/** Waits until `messages` holds exactly `expected` (a polling wait, not a fixed sleep). */
async function untilReceived(messages: string[], expected: readonly string[]): Promise<void> {
  await vi.waitFor(() => expect(messages).toEqual(expected), { timeout: 5000, interval: 5 });
}

/**
 * The behaviour every PubSub adapter must share. Delivery is asynchronous, so each case waits for
 * what it expects; to show something did NOT arrive, it publishes a sentinel on the same channel
 * after it and waits for that instead.
 */
export function describePubSubContract(name: string, open: () => Promise<PubSub>): void {
  describe(`PubSub contract: ${name}`, () => {
    const opened: PubSub[] = [];
    const fresh = async () => {
      const pubsub = await open();
      opened.push(pubsub);
      return pubsub;
    };
    afterAll(async () => {
      for (const pubsub of opened) await pubsub.close();
    });

    it('when messages are published on a channel, then its subscriber receives them in publish order', async () => {
      const pubsub = await fresh();
      const channel = uniqueChannel('order');
      const sub = recorder();
      await pubsub.subscribe(channel, sub.handler);
      const sent = Array.from({ length: 25 }, (_, i) => `message ${i}`);
      for (const message of sent) await pubsub.publish(channel, message);
      await untilReceived(sub.messages, sent);
    });

    it('when a message is published on another channel, then a subscriber does not receive it', async () => {
      const pubsub = await fresh();
      const mine = uniqueChannel('mine');
      const other = uniqueChannel('other');
      const me = recorder();
      const them = recorder();
      await pubsub.subscribe(mine, me.handler);
      await pubsub.subscribe(other, them.handler);
      await pubsub.publish(other, 'for them');
      await pubsub.publish(mine, 'sentinel');
      await untilReceived(them.messages, ['for them']);
      await untilReceived(me.messages, ['sentinel']);
    });

    it('when two subscribers listen on one channel, then both receive every message', async () => {
      const pubsub = await fresh();
      const channel = uniqueChannel('fanout');
      const first = recorder();
      const second = recorder();
      await pubsub.subscribe(channel, first.handler);
      await pubsub.subscribe(channel, second.handler);
      await pubsub.publish(channel, 'a');
      await pubsub.publish(channel, 'b');
      await untilReceived(first.messages, ['a', 'b']);
      await untilReceived(second.messages, ['a', 'b']);
    });

    it('when a subscriber unsubscribes, then it receives no more messages while others still do', async () => {
      const pubsub = await fresh();
      const channel = uniqueChannel('unsub');
      const leaving = recorder();
      const staying = recorder();
      const unsubscribe = await pubsub.subscribe(channel, leaving.handler);
      await pubsub.subscribe(channel, staying.handler);
      await pubsub.publish(channel, 'before');
      await untilReceived(leaving.messages, ['before']);
      await unsubscribe();
      await pubsub.publish(channel, 'after');
      await pubsub.publish(channel, 'sentinel');
      await untilReceived(staying.messages, ['before', 'after', 'sentinel']);
      expect(leaving.messages).toEqual(['before']);
    });

    it('when the only subscriber unsubscribes and subscribes again, then it receives new messages once', async () => {
      const pubsub = await fresh();
      const channel = uniqueChannel('resub');
      const sub = recorder();
      const unsubscribe = await pubsub.subscribe(channel, sub.handler);
      await unsubscribe();
      await pubsub.subscribe(channel, sub.handler);
      await pubsub.publish(channel, 'again');
      await pubsub.publish(channel, 'sentinel');
      await untilReceived(sub.messages, ['again', 'sentinel']);
    });

    it('when one handler is subscribed twice, then it gets two deliveries, and one unsubscribe leaves the other', async () => {
      const pubsub = await fresh();
      const channel = uniqueChannel('twice');
      const sub = recorder();
      const unsubscribeFirst = await pubsub.subscribe(channel, sub.handler);
      await pubsub.subscribe(channel, sub.handler);
      await pubsub.publish(channel, 'x');
      await untilReceived(sub.messages, ['x', 'x']);
      await unsubscribeFirst();
      await pubsub.publish(channel, 'y');
      await pubsub.publish(channel, 'sentinel');
      await untilReceived(sub.messages, ['x', 'x', 'y', 'sentinel']);
    });

    it('when Arabic, emoji and JSON payloads are published, then they arrive byte for byte', async () => {
      const pubsub = await fresh();
      const channel = uniqueChannel('unicode');
      const sub = recorder();
      await pubsub.subscribe(channel, sub.handler);
      const sent = [
        'مرحبا، كيف يمكنني مساعدتك اليوم؟',
        'سَنَد ✅ 👋🏽 — «اقتباس»',
        JSON.stringify({ body: 'شكراً لك', nested: { emoji: '🇸🇦', rtl: '\u200fنص' } }),
        '',
        'x'.repeat(64 * 1024),
      ];
      for (const message of sent) await pubsub.publish(channel, message);
      await untilReceived(sub.messages, sent);
      expect(JSON.parse(sub.messages[2]!)).toEqual({ body: 'شكراً لك', nested: { emoji: '🇸🇦', rtl: '\u200fنص' } });
    });

    it('when it is closed with live subscriptions, then close resolves and a late unsubscribe is harmless', async () => {
      const pubsub = await open();
      const channel = uniqueChannel('close');
      const sub = recorder();
      const unsubscribe = await pubsub.subscribe(channel, sub.handler);
      await pubsub.publish(channel, 'before close');
      await untilReceived(sub.messages, ['before close']);
      await expect(pubsub.close()).resolves.toBeUndefined();
      await expect(unsubscribe()).resolves.toBeUndefined();

      const next = await fresh();
      const after = recorder();
      await next.subscribe(channel, after.handler);
      await next.publish(channel, 'after close');
      await untilReceived(after.messages, ['after close']);
      expect(sub.messages).toEqual(['before close']);
    });
  });
}
