import { describe, expect, it } from 'vitest';
import type { SocketLike, Timers } from './agent-socket';
import { backoffDelay } from './backoff';
import { parseServerFrame } from './frames';
import { agentSocketUrl, isConversationEvent, LiveHub, type LiveEvent } from './live-hub';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: unknown[] = [];
  closed = false;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.closed = true;
    this.readyState = 3;
  }
  serverOpens() {
    this.readyState = 1;
    this.onopen?.({});
  }
  serverSends(frame: unknown) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  serverDrops() {
    this.readyState = 3;
    this.onclose?.({});
  }
}

class FakeTimers implements Timers {
  private next = 1;
  readonly pending = new Map<number, { fn: () => void; ms: number; repeat: boolean }>();
  setTimeout(fn: () => void, ms: number) {
    this.pending.set(this.next, { fn, ms, repeat: false });
    return this.next++;
  }
  clearTimeout(id: number) {
    this.pending.delete(id);
  }
  setInterval(fn: () => void, ms: number) {
    this.pending.set(this.next, { fn, ms, repeat: true });
    return this.next++;
  }
  clearInterval(id: number) {
    this.pending.delete(id);
  }
  /** Runs every one-shot timer that is due (all of them: time is not modelled beyond order). */
  runTimeouts(): number[] {
    const delays: number[] = [];
    for (const [id, t] of [...this.pending]) {
      if (t.repeat) continue;
      this.pending.delete(id);
      delays.push(t.ms);
      t.fn();
    }
    return delays;
  }
  runIntervals() {
    for (const t of [...this.pending.values()]) if (t.repeat) t.fn();
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const timers = new FakeTimers();
  const hub = new LiveHub({
    url: 'ws://x/ws/agent', timers, random: () => 1,
    connect: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
  });
  const events: LiveEvent[] = [];
  hub.subscribe((e) => events.push(e));
  const current = () => sockets.at(-1)!;
  return { hub, sockets, timers, events, current };
}

describe('LiveHub', () => {
  it('when the server says ready, then the hub is live, asks for a resync and resumes watched conversations', () => {
    const { hub, current, events } = setup();
    hub.watch('c1', () => 7);
    hub.start();
    current().serverOpens();
    expect(hub.status).toBe('connecting');
    current().serverSends({ type: 'ready', agentId: 'a1' });
    expect(hub.status).toBe('live');
    expect(events.map((e) => e.type)).toEqual(['status', 'status', 'resync']);
    expect(current().sent).toEqual([{ type: 'resume', conversationId: 'c1', afterSeq: 7 }]);
  });

  it('when a conversation is watched while live, then it is resumed at once', () => {
    const { hub, current } = setup();
    hub.start();
    current().serverOpens();
    current().serverSends({ type: 'ready', agentId: 'a1' });
    hub.watch('c2', () => 3);
    expect(current().sent).toContainEqual({ type: 'resume', conversationId: 'c2', afterSeq: 3 });
  });

  it('when the socket drops, then it reconnects with growing delays and resumes from the latest seq', () => {
    const { hub, sockets, timers, current } = setup();
    let held = 4;
    hub.watch('c1', () => held);
    hub.start();
    current().serverDrops();
    expect(hub.status).toBe('offline');
    const first = timers.runTimeouts();
    current().serverDrops();
    const second = timers.runTimeouts();
    expect(second[0]!).toBeGreaterThan(first[0]!);
    expect(sockets).toHaveLength(3);
    held = 9;
    current().serverOpens();
    current().serverSends({ type: 'ready', agentId: 'a1' });
    expect(current().sent).toEqual([{ type: 'resume', conversationId: 'c1', afterSeq: 9 }]);
    // After a successful ready the backoff starts over.
    current().serverDrops();
    expect(timers.runTimeouts()[0]).toBe(first[0]);
  });

  it('when pings go unanswered twice, then the socket is dropped and reopened', () => {
    const { hub, sockets, timers, current } = setup();
    hub.start();
    current().serverOpens();
    current().serverSends({ type: 'ready', agentId: 'a1' });
    timers.runIntervals();
    timers.runIntervals();
    expect(current().sent).toEqual([{ type: 'ping' }, { type: 'ping' }]);
    timers.runIntervals();
    expect(sockets[0]!.closed).toBe(true);
    expect(hub.status).toBe('offline');
    timers.runTimeouts();
    expect(sockets).toHaveLength(2);
  });

  it('when frames arrive, then listeners get messages and conversation changes; watch can be undone', () => {
    const { hub, current, events } = setup();
    const unwatch = hub.watch('c1', () => 0);
    unwatch();
    hub.start();
    current().serverOpens();
    current().serverSends({ type: 'ready', agentId: 'a1' });
    expect(current().sent).toEqual([]);
    current().serverSends({
      type: 'message', conversationId: 'c1',
      message: { id: 'm', seq: 1, kind: 'customer', author: { type: 'contact', name: 'Huda' }, body: 'hi', clientId: null, createdAt: '2026-01-01T00:00:00Z' },
    });
    current().serverSends({ type: 'conversation', conversation: { id: 'c1', status: 'open' } });
    current().serverSends({ type: 'pong' });
    current().serverSends('not a frame');
    expect(events.slice(3).map((e) => e.type)).toEqual(['message', 'conversation']);
  });

  it('when a conversation_event frame arrives, then listeners get it as it is; malformed ones are dropped', () => {
    const { hub, current, events } = setup();
    hub.start();
    current().serverOpens();
    current().serverSends({ type: 'ready', agentId: 'a1' });
    current().serverSends({ type: 'conversation_event', conversationId: 'c1', event: 'email.sent' });
    current().serverSends({ type: 'conversation_event', conversationId: 'c1' });
    current().serverSends({ type: 'conversation_event', conversationId: 'c2', event: 'sla.breached' });
    expect(events.slice(3)).toEqual([
      { type: 'conversation_event', conversationId: 'c1', event: 'email.sent' },
      { type: 'conversation_event', conversationId: 'c2', event: 'sla.breached' },
    ]);
  });

  it('when stopped, then it does not reconnect', () => {
    const { hub, sockets, timers, current } = setup();
    hub.start();
    current().serverOpens();
    hub.stop();
    expect(timers.runTimeouts()).toEqual([]);
    expect(sockets).toHaveLength(1);
    expect(hub.status).toBe('offline');
  });
});

describe('backoffDelay', () => {
  it('doubles from the base up to the cap, jittered between half and all of it', () => {
    expect(backoffDelay(0, { baseMs: 500, maxMs: 30_000 }, () => 1)).toBe(500);
    expect(backoffDelay(0, { baseMs: 500, maxMs: 30_000 }, () => 0)).toBe(250);
    expect(backoffDelay(3, { baseMs: 500, maxMs: 30_000 }, () => 1)).toBe(4000);
    expect(backoffDelay(20, { baseMs: 500, maxMs: 30_000 }, () => 1)).toBe(30_000);
  });
});

describe('parseServerFrame', () => {
  it('reads a message frame and keeps the author name', () => {
    const frame = parseServerFrame(JSON.stringify({
      type: 'message', conversationId: 'c1',
      message: { id: 'm', seq: 2, kind: 'note', author: { type: 'agent', name: 'Layla' }, body: 'x', clientId: 'k', createdAt: 't' },
    }));
    expect(frame).toEqual({
      type: 'message', conversationId: 'c1',
      message: { id: 'm', conversationId: 'c1', seq: 2, kind: 'note', author: { type: 'agent', name: 'Layla' }, body: 'x', clientId: 'k', attachments: [], createdAt: 't' },
    });
  });

  it('reads a message frame’s attachments and leaves out malformed ones', () => {
    const photo = { id: 'a1', name: 'صورة.png', contentType: 'image/png', size: 1234 };
    const frame = parseServerFrame(JSON.stringify({
      type: 'message', conversationId: 'c1',
      message: {
        id: 'm', seq: 3, kind: 'customer', author: { type: 'contact' }, body: 'see', clientId: null, createdAt: 't',
        attachments: [photo, { id: 'a2', name: 'x.pdf' }, 'nonsense', { id: 'a3', name: 'r.pdf', contentType: 'application/pdf', size: '9' }],
      },
    }));
    expect(frame?.type === 'message' && frame.message.attachments).toEqual([photo]);
  });

  it('refuses malformed frames', () => {
    expect(parseServerFrame('{')).toBeNull();
    expect(parseServerFrame('[]')).toBeNull();
    expect(parseServerFrame(JSON.stringify({ type: 'surprise' }))).toBeNull();
    expect(parseServerFrame(JSON.stringify({ type: 'message', conversationId: 'c', message: { id: 'm', seq: -1 } }))).toBeNull();
    expect(parseServerFrame(JSON.stringify({ type: 'resumed', conversationId: 'c', lastSeq: 'x' }))).toBeNull();
  });
});

describe('conversation_event frames', () => {
  it('reads the conversation and the event type, leaving other fields out', () => {
    expect(parseServerFrame(JSON.stringify({ type: 'conversation_event', conversationId: 'c1', event: 'email.retried', extra: 1 })))
      .toEqual({ type: 'conversation_event', conversationId: 'c1', event: 'email.retried' });
  });

  it('refuses one without a conversation or an event type, or with the wrong kinds of values', () => {
    const bad = [
      { type: 'conversation_event', event: 'email.sent' },
      { type: 'conversation_event', conversationId: 'c1' },
      { type: 'conversation_event', conversationId: '', event: 'email.sent' },
      { type: 'conversation_event', conversationId: 'c1', event: '' },
      { type: 'conversation_event', conversationId: 7, event: 'email.sent' },
      { type: 'conversation_event', conversationId: 'c1', event: { type: 'email.sent' } },
      { type: 'conversation_event', conversationId: ['c1'], event: 'sla.met' },
    ];
    for (const frame of bad) expect(parseServerFrame(JSON.stringify(frame)), JSON.stringify(frame)).toBeNull();
  });

  it('isConversationEvent matches the family by its prefix and, when given, the conversation', () => {
    const sent: LiveEvent = { type: 'conversation_event', conversationId: 'c1', event: 'email.sent' };
    expect(isConversationEvent(sent, 'email')).toBe(true);
    expect(isConversationEvent(sent, 'email', 'c1')).toBe(true);
    expect(isConversationEvent(sent, 'email', 'c2')).toBe(false);
    expect(isConversationEvent(sent, 'sla')).toBe(false);
    expect(isConversationEvent({ type: 'conversation_event', conversationId: 'c1', event: 'sla_policy.changed' }, 'sla')).toBe(false);
    expect(isConversationEvent({ type: 'conversation_event', conversationId: 'c1', event: 'emails' }, 'email')).toBe(false);
    expect(isConversationEvent({ type: 'resync' }, 'email')).toBe(false);
    expect(isConversationEvent({ type: 'conversation', conversation: { id: 'c1' } }, 'email', 'c1')).toBe(false);
  });
});

describe('agentSocketUrl', () => {
  it('follows the page scheme', () => {
    expect(agentSocketUrl({ protocol: 'https:', host: 'desk.example' })).toBe('wss://desk.example/ws/agent');
    expect(agentSocketUrl({ protocol: 'http:', host: 'localhost:3200' })).toBe('ws://localhost:3200/ws/agent');
  });
});
