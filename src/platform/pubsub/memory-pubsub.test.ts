import { describe, expect, it, vi } from 'vitest';
import { MemoryPubSub } from './memory-pubsub.ts';
import { describePubSubContract } from './pubsub.contract.ts';

describePubSubContract('memory', async () => new MemoryPubSub());

describe('MemoryPubSub', () => {
  it('when a message is published, then the handler is not called inline but on a later tick', async () => {
    const pubsub = new MemoryPubSub();
    const received: string[] = [];
    await pubsub.subscribe('inline', (message) => void received.push(message));

    const publishing = pubsub.publish('inline', 'hello');
    expect(received).toEqual([]);
    await publishing;
    await vi.waitFor(() => expect(received).toEqual(['hello']));
    await pubsub.close();
  });

  it('when a handler publishes while handling, then the nested message arrives after the current one', async () => {
    const pubsub = new MemoryPubSub();
    const received: string[] = [];
    await pubsub.subscribe('nested', (message) => {
      received.push(message);
      if (message === 'first') void pubsub.publish('nested', 'second');
      received.push(`done ${message}`);
    });
    await pubsub.publish('nested', 'first');
    await vi.waitFor(() => expect(received).toEqual(['first', 'done first', 'second', 'done second']));
    await pubsub.close();
  });

  it('when two instances exist, then they are separate: nothing crosses between them', async () => {
    const one = new MemoryPubSub();
    const two = new MemoryPubSub();
    const onTwo: string[] = [];
    const onOne: string[] = [];
    await two.subscribe('shared-name', (message) => void onTwo.push(message));
    await one.subscribe('shared-name', (message) => void onOne.push(message));
    await one.publish('shared-name', 'only one');
    await vi.waitFor(() => expect(onOne).toEqual(['only one']));
    expect(onTwo).toEqual([]);
    await Promise.all([one.close(), two.close()]);
  });
});

describe('MemoryPubSub with a failing subscriber', () => {
  it('when one handler throws, then the error is reported and the other handlers still receive', async () => {
    const errors: unknown[] = [];
    const pubsub = new MemoryPubSub({ onError: (error) => errors.push(error) });
    const received: string[] = [];
    await pubsub.subscribe('c', () => {
      throw new Error('bad handler');
    });
    await pubsub.subscribe('c', (m) => received.push(m));
    await pubsub.publish('c', 'hello');
    await vi.waitFor(() => expect(received).toEqual(['hello']));
    expect(errors).toHaveLength(1);
  });
});
