import { describe, expect, it } from 'vitest';
import { ChatState } from './chat-state.ts';
import type { Attachment, WireMessage } from './protocol.ts';

const agent = (seq: number, body = `agent ${seq}`, extra: Partial<WireMessage> = {}): WireMessage => ({
  id: `m${seq}`, seq, kind: 'agent', author: { type: 'agent', name: 'Huda' }, body, createdAt: '2025-01-01T10:00:00Z', ...extra,
});
const own = (seq: number, clientId: string, body: string): WireMessage => ({ id: `m${seq}`, seq, kind: 'customer', author: { type: 'contact' }, body, clientId });
const summary = (s: ChatState) => s.list().map((m) => `${m.seq ?? '-'}:${m.kind}:${m.state}:${m.body}`);

/** A state already showing conversation c1 with messages up to `lastSeq`. */
function showing(lastSeq: number): ChatState {
  const s = new ChatState();
  s.ready([{ id: 'c1', status: 'open', lastSeq }]);
  for (let seq = 1; seq <= lastSeq; seq++) s.message('c1', agent(seq));
  return s;
}

describe('first contact', () => {
  it('when the visitor writes with no conversation yet, then the send names none and shows as pending', () => {
    const s = new ChatState();
    expect(s.ready([])).toEqual([]);
    expect(s.send('hello', 'k1')).toEqual({ type: 'send', clientId: 'k1', body: 'hello' });
    expect(summary(s)).toEqual(['-:customer:pending:hello']);
    expect(s.unacked()).toEqual([{ clientId: 'k1', body: 'hello' }]);
  });

  it('when the ack names the conversation the send started, then the message is sent, the conversation followed from seq 0, and later sends name it', () => {
    const s = new ChatState();
    s.ready([]);
    s.send('hello', 'k1');
    expect(s.ack({ clientId: 'k1', conversationId: 'c9', messageId: 'm1', seq: 1 })).toEqual([{ type: 'resume', conversationId: 'c9', afterSeq: 0 }]);
    expect(summary(s)).toEqual(['1:customer:sent:hello']);
    expect(s.unacked()).toEqual([]);
    expect(s.current).toBe('c9');
    expect(s.send('again', 'k2')).toEqual({ type: 'send', clientId: 'k2', body: 'again', conversationId: 'c9' });
  });

  it('when the committed copy of an acknowledged send also arrives as a message, then it is shown once', () => {
    const s = new ChatState();
    s.ready([]);
    s.send('hello', 'k1');
    s.ack({ clientId: 'k1', conversationId: 'c9', messageId: 'm1', seq: 1 });
    expect(s.message('c9', own(1, 'k1', 'hello'))).toBe(true);
    expect(s.message('c9', agent(2, 'hi, Huda here'))).toBe(true);
    expect(summary(s)).toEqual(['1:customer:sent:hello', '2:agent:sent:hi, Huda here']);
  });

  it('when the message copy arrives before the ack, then it is merged into the pending one, and the late ack changes nothing', () => {
    const s = new ChatState();
    s.ready([]);
    s.send('hello', 'k1');
    expect(s.message('c9', own(1, 'k1', 'hello'))).toBe(true);
    expect(summary(s)).toEqual(['1:customer:sent:hello']);
    expect(s.unacked()).toEqual([]);
    expect(s.ack({ clientId: 'k1', conversationId: 'c9', messageId: 'm1', seq: 1 })).toEqual([]);
    expect(summary(s)).toEqual(['1:customer:sent:hello']);
  });
});

describe('sequence and duplicates', () => {
  it('when a message arrives whose seq is not above the last held, then it is dropped', () => {
    const s = showing(3);
    expect(s.message('c1', agent(3))).toBe(false);
    expect(s.message('c1', agent(2))).toBe(false);
    expect(s.message('c1', agent(4))).toBe(true);
    expect(s.message('c1', agent(4))).toBe(false);
    expect(summary(s)).toHaveLength(4);
  });

  it('when an ack reports a seq ahead of an agent message still in flight, then that message is not dropped and the timeline is in seq order', () => {
    const s = showing(3);
    s.send('mine', 'k1');
    s.ack({ clientId: 'k1', conversationId: 'c1', messageId: 'm5', seq: 5 });
    expect(s.message('c1', agent(4, 'crossed'))).toBe(true);
    expect(summary(s).slice(3)).toEqual(['4:agent:sent:crossed', '5:customer:sent:mine']);
  });

  it('when seqs skip numbers (internal notes are never sent to visitors), then the later messages are still taken', () => {
    const s = showing(1);
    expect(s.message('c1', agent(3))).toBe(true);
    expect(s.message('c1', agent(7))).toBe(true);
  });

  it('when a note reaches the widget anyway, then it is never shown', () => {
    const s = showing(1);
    expect(s.message('c1', { ...agent(2), kind: 'note' })).toBe(false);
    expect(summary(s)).toHaveLength(1);
  });

  it('when unacknowledged sends wait, then they are listed after everything committed, in the order written', () => {
    const s = showing(2);
    s.send('one', 'k1');
    s.send('two', 'k2');
    s.message('c1', agent(3));
    expect(summary(s).slice(2)).toEqual(['3:agent:sent:agent 3', '-:customer:pending:one', '-:customer:pending:two']);
  });
});

describe('resuming after a drop (docs/chat-protocol.md §3)', () => {
  it('when the socket comes back, then each shown conversation resumes from its last seq and every unacknowledged send is re-sent with its clientId, in order', () => {
    const s = showing(4);
    s.send('acked', 'k0');
    s.ack({ clientId: 'k0', conversationId: 'c1', messageId: 'm5', seq: 5 });
    s.send('lost one', 'k1');
    s.send('lost two', 'k2');
    expect(s.ready([{ id: 'c1', status: 'open', lastSeq: 9 }])).toEqual([
      { type: 'resume', conversationId: 'c1', afterSeq: 4 },
      { type: 'send', clientId: 'k1', body: 'lost one', conversationId: 'c1' },
      { type: 'send', clientId: 'k2', body: 'lost two', conversationId: 'c1' },
    ]);
  });

  it('when a re-sent message had been committed before the drop, then the duplicate ack settles it and the backfill does not repeat it', () => {
    const s = showing(2);
    s.send('did it arrive?', 'k1');
    s.ready([{ id: 'c1', status: 'open', lastSeq: 3 }]);
    // backfill first, then the ack for the re-send
    expect(s.message('c1', own(3, 'k1', 'did it arrive?'))).toBe(true);
    expect(s.ack({ clientId: 'k1', conversationId: 'c1', messageId: 'm3', seq: 3 })).toEqual([]);
    expect(s.message('c1', own(3, 'k1', 'did it arrive?'))).toBe(false);
    expect(summary(s).filter((m) => m.includes('did it arrive?'))).toEqual(['3:customer:sent:did it arrive?']);
    expect(s.ready([{ id: 'c1', status: 'open', lastSeq: 3 }])).toEqual([{ type: 'resume', conversationId: 'c1', afterSeq: 3 }]);
  });

  it('when the page is loaded again, then the newest conversation not closed is picked (or the one shown before, if still open) and resumed from 0', () => {
    // `ready` lists conversations newest first
    const list = [
      { id: 'old', status: 'closed', lastSeq: 8 },
      { id: 'b', status: 'resolved', lastSeq: 5 },
      { id: 'a', status: 'open', lastSeq: 2 },
    ];
    expect(new ChatState().ready(list)).toEqual([{ type: 'resume', conversationId: 'b', afterSeq: 0 }]);
    const again = new ChatState([], 'a');
    expect(again.ready(list)).toEqual([{ type: 'resume', conversationId: 'a', afterSeq: 0 }]);
    expect(again.current).toBe('a');
    const allClosed = new ChatState([], 'old');
    expect(allClosed.ready([list[0]!])).toEqual([]);
    expect(allClosed.current).toBeNull();
  });

  it('when sends were still unacknowledged as the page was left, then they show as pending and are re-sent with their clientIds after ready', () => {
    const s = new ChatState([{ clientId: 'k1', body: 'from the last page', conversationId: 'c1' }, { clientId: 'k2', body: 'no conversation yet' }]);
    expect(summary(s)).toEqual(['-:customer:pending:from the last page', '-:customer:pending:no conversation yet']);
    expect(s.ready([{ id: 'c1', status: 'open', lastSeq: 1 }])).toEqual([
      { type: 'resume', conversationId: 'c1', afterSeq: 0 },
      { type: 'send', clientId: 'k1', body: 'from the last page', conversationId: 'c1' },
      { type: 'send', clientId: 'k2', body: 'no conversation yet' },
    ]);
  });

  it('when a restored send is found committed in the backfill, then it is no longer pending and not re-sent again', () => {
    const s = new ChatState([{ clientId: 'k1', body: 'hi', conversationId: 'c1' }]);
    s.ready([{ id: 'c1', status: 'open', lastSeq: 1 }]);
    s.message('c1', own(1, 'k1', 'hi'));
    expect(s.unacked()).toEqual([]);
    expect(summary(s)).toEqual(['1:customer:sent:hi']);
  });

  it('when a restored outbox is malformed or repeats a clientId, then the bad entries are skipped', () => {
    const s = new ChatState([{ clientId: 'k1', body: 'x' }, { clientId: 'k1', body: 'x' }, null as never, { clientId: 3 } as never]);
    expect(s.unacked()).toEqual([{ clientId: 'k1', body: 'x' }]);
  });
});

describe('conversation status and refusals', () => {
  it('when the shown conversation is closed, then the visitor is told and the next send starts a new conversation', () => {
    const s = showing(2);
    expect(s.status('c1', 'closed')).toBe(true);
    expect(s.closed()).toBe(true);
    expect(s.active()).toBeNull();
    expect(s.send('new question', 'k1')).toEqual({ type: 'send', clientId: 'k1', body: 'new question' });
    expect(s.ack({ clientId: 'k1', conversationId: 'c2', messageId: 'x', seq: 1 })).toEqual([{ type: 'resume', conversationId: 'c2', afterSeq: 0 }]);
    expect(s.current).toBe('c2');
    expect(s.closed()).toBe(false);
    // the old conversation's messages stay above the new one
    expect(summary(s)).toEqual(['1:agent:sent:agent 1', '2:agent:sent:agent 2', '1:customer:sent:new question']);
  });

  it('when a status change names a conversation not shown, then nothing changes', () => {
    expect(showing(1).status('other', 'closed')).toBe(false);
  });

  it('when a send is refused because its conversation closed meanwhile, then it is sent again without a conversation', () => {
    const s = showing(1);
    s.send('late', 'k1');
    expect(s.error('CONVERSATION_CLOSED', 'k1')).toEqual({ frames: [{ type: 'send', clientId: 'k1', body: 'late' }], retryLater: false });
    expect(s.closed()).toBe(false);
    expect(s.current).toBeNull();
    expect(s.error('CONVERSATION_CLOSED', 'k1')).toEqual({ frames: [], retryLater: false });
    expect(summary(s).at(-1)).toBe('-:customer:failed:late');
  });

  it('when a send is rate limited, then it stays pending to be re-sent later', () => {
    const s = showing(1);
    s.send('fast', 'k1');
    expect(s.error('RATE_LIMITED', 'k1')).toEqual({ frames: [], retryLater: true });
    expect(s.resendFrames()).toEqual([{ type: 'send', clientId: 'k1', body: 'fast', conversationId: 'c1' }]);
  });

  it('when a send is refused for good, then it is marked failed and a retry re-sends it with the same clientId', () => {
    const s = showing(1);
    s.send('x'.repeat(10), 'k1');
    s.error('INTERNAL', 'k1');
    expect(s.unacked()).toEqual([]);
    expect(summary(s).at(-1)).toBe('-:customer:failed:xxxxxxxxxx');
    expect(s.retry('k1')).toEqual({ type: 'send', clientId: 'k1', body: 'xxxxxxxxxx', conversationId: 'c1' });
    expect(summary(s).at(-1)).toBe('-:customer:pending:xxxxxxxxxx');
    expect(s.retry('k1')).toBeNull();
  });

  it('when an error names no send the widget knows, then nothing changes', () => {
    const s = showing(1);
    expect(s.error('BAD_FRAME', undefined)).toEqual({ frames: [], retryLater: false });
    expect(s.error('BAD_FRAME', 'unknown')).toEqual({ frames: [], retryLater: false });
  });

  it('when a message arrives for a conversation not shown and none is open, then it is shown', () => {
    const s = new ChatState();
    s.ready([]);
    expect(s.message('c5', agent(1, 'we emailed you'))).toBe(true);
    expect(s.current).toBe('c5');
  });
});

describe('talk to a person', () => {
  it('when a conversation is open, then the handoff frame names it', () => {
    const s = showing(1);
    expect(s.requestHandoff('a person please', 'k1')).toEqual([{ type: 'handoff', conversationId: 'c1' }]);
    expect(s.handoffRequested()).toBe(true);
    s.handoffSent('c1');
    expect(s.handoffRequested()).toBe(true);
    expect(s.ready([{ id: 'c1', status: 'open' }])).toEqual([{ type: 'resume', conversationId: 'c1', afterSeq: 1 }]);
  });

  it('when there is no conversation yet, then the request is sent as a message and the handoff follows its ack', () => {
    const s = new ChatState();
    s.ready([]);
    expect(s.requestHandoff('a person please', 'k1')).toEqual([{ type: 'send', clientId: 'k1', body: 'a person please' }]);
    expect(s.ack({ clientId: 'k1', conversationId: 'c3', messageId: 'm1', seq: 1 })).toEqual([
      { type: 'resume', conversationId: 'c3', afterSeq: 0 },
      { type: 'handoff', conversationId: 'c3' },
    ]);
  });

  it('when the handoff could not be written (socket down), then it goes out after the next ready', () => {
    const s = showing(1);
    s.requestHandoff('a person please', 'k1');
    expect(s.ready([{ id: 'c1', status: 'open' }])).toEqual([
      { type: 'resume', conversationId: 'c1', afterSeq: 1 },
      { type: 'handoff', conversationId: 'c1' },
    ]);
  });

  it('when a new conversation starts after the handed-off one closed, then the button is offered again', () => {
    const s = showing(1);
    s.requestHandoff('p', 'k1');
    s.handoffSent('c1');
    s.status('c1', 'closed');
    expect(s.handoffRequested()).toBe(false);
  });
});

describe('attachments', () => {
  const photo: Attachment = { id: 'u1', name: 'photo.png', contentType: 'image/png', size: 2048 };
  const scan: Attachment = { id: 'u2', name: 'scan.pdf', contentType: 'application/pdf', size: 90_000 };

  it('when the visitor sends with files, then the frame names their ids and the outbox keeps them with the send', () => {
    const s = showing(1);
    expect(s.send('see these', 'k1', [photo, scan])).toEqual({ type: 'send', clientId: 'k1', body: 'see these', conversationId: 'c1', attachmentIds: ['u1', 'u2'] });
    expect(s.unacked()).toEqual([{ clientId: 'k1', body: 'see these', conversationId: 'c1', attachments: [photo, scan] }]);
    expect(s.list().at(-1)).toMatchObject({ state: 'pending', attachments: [photo, scan] });
    expect(s.send('no files', 'k2')).toEqual({ type: 'send', clientId: 'k2', body: 'no files', conversationId: 'c1' });
  });

  it('when the socket comes back, then the unacknowledged send is re-sent with the same clientId and the same attachment ids', () => {
    const s = showing(1);
    s.send('photo.png', 'k1', [photo]);
    expect(s.ready([{ id: 'c1', status: 'open' }])).toEqual([
      { type: 'resume', conversationId: 'c1', afterSeq: 1 },
      { type: 'send', clientId: 'k1', body: 'photo.png', conversationId: 'c1', attachmentIds: ['u1'] },
    ]);
  });

  it('when the page is reloaded, then the stored outbox entry brings its attachments back, shown and re-sent; malformed ones are dropped', () => {
    const before = new ChatState();
    before.ready([]);
    before.send('look', 'k1', [photo]);
    const stored = JSON.parse(JSON.stringify(before.unacked()));
    stored[0].attachments.push({ id: 7 });
    const after = new ChatState(stored);
    expect(after.list()).toMatchObject([{ state: 'pending', body: 'look', attachments: [photo] }]);
    expect(after.ready([])).toEqual([{ type: 'send', clientId: 'k1', body: 'look', attachmentIds: ['u1'] }]);
  });

  it('when the unacknowledged copy is changed by the caller, then the outbox is not', () => {
    const s = showing(1);
    s.send('x', 'k1', [photo]);
    s.unacked()[0]!.attachments![0]!.id = 'changed';
    expect(s.resendFrames()).toEqual([{ type: 'send', clientId: 'k1', body: 'x', conversationId: 'c1', attachmentIds: ['u1'] }]);
  });

  it('when a send with files fails and is retried, then the retry carries the same ids; a closed conversation re-sends them without it', () => {
    const s = showing(1);
    s.send('x', 'k1', [photo]);
    s.error('INTERNAL', 'k1');
    expect(s.retry('k1')).toEqual({ type: 'send', clientId: 'k1', body: 'x', conversationId: 'c1', attachmentIds: ['u1'] });
    expect(s.error('CONVERSATION_CLOSED', 'k1')).toEqual({ frames: [{ type: 'send', clientId: 'k1', body: 'x', attachmentIds: ['u1'] }], retryLater: false });
  });

  it('when the committed message arrives, then it shows the attachments the server lists, for own and agent messages alike', () => {
    const s = showing(1);
    s.send('look', 'k1', [photo]);
    s.message('c1', { ...own(2, 'k1', 'look'), attachments: [photo] });
    s.message('c1', agent(3, 'here is the invoice', { attachments: [scan] }));
    expect(s.list().slice(1).map((m) => [m.state, m.attachments])).toEqual([['sent', [photo]], ['sent', [scan]]]);
    expect(s.unacked()).toEqual([]);
  });
});
