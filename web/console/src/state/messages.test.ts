import { describe, expect, it } from 'vitest';
import type { Message } from '../api/types';
import { contiguousLastSeq, emptyTimeline, mergeBySeq, timelineReducer, type PendingMessage } from './messages';

const msg = (seq: number, extra: Partial<Message> = {}): Message => ({
  id: `m${seq}`, conversationId: 'c1', seq, kind: 'customer', author: { type: 'contact' }, body: `body ${seq}`,
  clientId: null, attachments: [], createdAt: '2026-01-01T00:00:00.000Z', ...extra,
});
const seqs = (messages: readonly Message[]) => messages.map((m) => m.seq);

describe('mergeBySeq', () => {
  it('when new messages come after the last one, then they are appended in order', () => {
    expect(seqs(mergeBySeq([msg(1), msg(2)], [msg(4), msg(3)]))).toEqual([1, 2, 3, 4]);
  });

  it('when a message arrives twice, then it is kept once', () => {
    expect(seqs(mergeBySeq([msg(1), msg(2)], [msg(2), msg(3), msg(3)]))).toEqual([1, 2, 3]);
  });

  it('when a resume overlaps what is held, then nothing is doubled and the first copy stays', () => {
    const held = [msg(1), msg(2, { body: 'first copy' }), msg(5)];
    const merged = mergeBySeq(held, [msg(2, { body: 'second copy' }), msg(3), msg(4)]);
    expect(seqs(merged)).toEqual([1, 2, 3, 4, 5]);
    expect(merged[1]!.body).toBe('first copy');
  });

  it('when nothing arrives, then the same array is returned', () => {
    const held = [msg(1)];
    expect(mergeBySeq(held, [])).toBe(held);
  });
});

describe('contiguousLastSeq', () => {
  it('when there are no messages, then it is 0', () => {
    expect(contiguousLastSeq([])).toBe(0);
  });
  it('when every message is held, then it is the last seq', () => {
    expect(contiguousLastSeq([msg(1), msg(2), msg(3)])).toBe(3);
  });
  it('when there is a hole, then it stops before the hole', () => {
    expect(contiguousLastSeq([msg(1), msg(2), msg(5)])).toBe(2);
  });
});

describe('timelineReducer', () => {
  const pending = (clientId: string, extra: Partial<PendingMessage> = {}): PendingMessage => ({
    clientId, kind: 'agent', body: 'hello', attachments: [], createdAt: '2026-01-01T00:00:00.000Z', state: 'sending', ...extra,
  });

  it('when the POST returns, then the pending line becomes the committed message', () => {
    let state = timelineReducer(emptyTimeline, { type: 'received', messages: [msg(1)] });
    state = timelineReducer(state, { type: 'pending', message: pending('a') });
    expect(state.pending).toHaveLength(1);
    state = timelineReducer(state, { type: 'sent', clientId: 'a', message: msg(2, { kind: 'agent', clientId: 'a' }) });
    expect(state.pending).toEqual([]);
    expect(seqs(state.messages)).toEqual([1, 2]);
  });

  it('when the socket delivers the message before the POST returns, then it shows once', () => {
    let state = timelineReducer(emptyTimeline, { type: 'pending', message: pending('a') });
    state = timelineReducer(state, { type: 'received', messages: [msg(1, { kind: 'agent', clientId: 'a' })] });
    expect(state.pending).toEqual([]);
    state = timelineReducer(state, { type: 'sent', clientId: 'a', message: msg(1, { kind: 'agent', clientId: 'a' }) });
    expect(seqs(state.messages)).toEqual([1]);
  });

  it('when sending fails, then the line stays, marked failed, and can be retried', () => {
    let state = timelineReducer(emptyTimeline, { type: 'pending', message: pending('a') });
    state = timelineReducer(state, { type: 'failed', clientId: 'a', error: 'offline' });
    expect(state.pending[0]).toMatchObject({ state: 'failed', error: 'offline' });
    state = timelineReducer(state, { type: 'retrying', clientId: 'a' });
    expect(state.pending[0]!.state).toBe('sending');
  });

  it('when a message with files fails and is retried, then it keeps its clientId, body and files', () => {
    const files = [{ id: 'f1', name: 'receipt.pdf', contentType: 'application/pdf', size: 2048 }];
    let state = timelineReducer(emptyTimeline, { type: 'pending', message: pending('a', { body: 'receipt.pdf', attachments: files }) });
    state = timelineReducer(state, { type: 'failed', clientId: 'a', error: 'NETWORK' });
    state = timelineReducer(state, { type: 'retrying', clientId: 'a' });
    expect(state.pending).toEqual([expect.objectContaining({ clientId: 'a', body: 'receipt.pdf', attachments: files, state: 'sending' })]);
    state = timelineReducer(state, { type: 'sent', clientId: 'a', message: msg(1, { kind: 'agent', clientId: 'a', body: 'receipt.pdf', attachments: files }) });
    expect(state.pending).toEqual([]);
    expect(state.messages[0]!.attachments).toEqual(files);
  });

  it('when the same pending clientId is added twice, then it is kept once', () => {
    let state = timelineReducer(emptyTimeline, { type: 'pending', message: pending('a') });
    state = timelineReducer(state, { type: 'pending', message: pending('a') });
    expect(state.pending).toHaveLength(1);
  });
});
