import { describe, expect, it } from 'vitest';
import { parseServerFrame } from './protocol.ts';

describe('reading server frames', () => {
  it('when a frame is not JSON, not an object, or of an unknown type, then it is ignored', () => {
    expect(parseServerFrame('nope')).toBeNull();
    expect(parseServerFrame('[1]')).toBeNull();
    expect(parseServerFrame('{"type":"surprise"}')).toBeNull();
  });

  it('when a message frame lacks its seq or body, then it is ignored', () => {
    expect(parseServerFrame(JSON.stringify({ type: 'message', conversationId: 'c', message: { id: 'm', kind: 'agent', body: 'x' } }))).toBeNull();
    expect(parseServerFrame(JSON.stringify({ type: 'message', conversationId: 'c', message: { id: 'm', seq: 1, kind: 'agent' } }))).toBeNull();
  });

  it('when a message frame has no author, then the author is its kind', () => {
    const f = parseServerFrame(JSON.stringify({ type: 'message', conversationId: 'c', message: { id: 'm', seq: 1, kind: 'bot', body: 'hi' } }));
    expect(f).toMatchObject({ type: 'message', message: { author: { type: 'bot' } } });
  });

  it('when frames are well formed, then they are read', () => {
    expect(parseServerFrame('{"type":"ready","visitorId":"v","conversations":[{"id":"c","status":"open","lastSeq":3}]}')).toMatchObject({ type: 'ready' });
    expect(parseServerFrame('{"type":"ack","clientId":"a","conversationId":"c","messageId":"m","seq":4,"duplicate":false}')).toMatchObject({ type: 'ack', seq: 4 });
    expect(parseServerFrame('{"type":"ping"}')).toEqual({ type: 'ping' });
    expect(parseServerFrame('{"type":"error","code":"RATE_LIMITED","ref":"a"}')).toMatchObject({ code: 'RATE_LIMITED' });
  });
});

describe('attachments on messages', () => {
  it('when a message lists attachments, then the well-formed ones are kept and the rest left out', () => {
    const good = { id: 'a1', name: 'photo.png', contentType: 'image/png', size: 120 };
    const f = parseServerFrame(JSON.stringify({ type: 'message', conversationId: 'c', message: { id: 'm', seq: 1, kind: 'agent', body: 'x', attachments: [good, { id: 'a2' }, null, 'x'] } }));
    expect(f).toMatchObject({ type: 'message', message: { attachments: [good] } });
  });

  it('when a message has no attachments field, then it has none', () => {
    const f = parseServerFrame(JSON.stringify({ type: 'message', conversationId: 'c', message: { id: 'm', seq: 1, kind: 'agent', body: 'x' } }));
    expect(f).toMatchObject({ message: { attachments: [] } });
  });
});
