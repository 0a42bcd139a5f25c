import { describe, expect, it } from 'vitest';
import { ApiError } from './http';
import { attachmentUrl, SanadApi } from './sanad-api';

interface Call {
  url: string;
  init: RequestInit;
}

function fakeApi(answers: { status: number; body: unknown }[]) {
  const calls: Call[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init: init ?? {} });
    const answer = answers.shift() ?? { status: 200, body: {} };
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  const api = new SanadApi({ fetchImpl });
  api.http.setCsrfToken('csrf-1');
  return { api, calls };
}

const headersOf = (call: Call) => call.init.headers as Record<string, string>;

describe('uploadAttachment', () => {
  it('posts the raw file with its type, the name in the query, and the CSRF header', async () => {
    const uploaded = { id: 'att-1', name: 'صورة.png', contentType: 'image/png', size: 4 };
    const { api, calls } = fakeApi([{ status: 201, body: uploaded }]);
    const bytes = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' });
    await expect(api.uploadAttachment(bytes, 'صورة.png', 'image/png')).resolves.toEqual(uploaded);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(`/api/v1/attachments?name=${encodeURIComponent('صورة.png')}`);
    expect(calls[0]!.init.method).toBe('POST');
    expect(calls[0]!.init.body).toBe(bytes);
    expect(headersOf(calls[0]!)).toMatchObject({ 'content-type': 'image/png', 'x-csrf-token': 'csrf-1' });
  });

  it('when the server refuses the file, then the error carries its code', async () => {
    const { api } = fakeApi([{ status: 415, body: { error: { code: 'ATTACHMENT_TYPE_REFUSED', message: 'only pictures and PDFs' } } }]);
    const error = await api.uploadAttachment(new Blob(['x']), 'a.png', 'image/png').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 415, code: 'ATTACHMENT_TYPE_REFUSED' });
  });
});

describe('postMessage', () => {
  it('sends attachmentIds with the message when there are some', async () => {
    const { api, calls } = fakeApi([{ status: 201, body: { id: 'm', seq: 1, attachments: [] } }]);
    await api.postMessage('c1', { kind: 'agent', body: 'receipt.pdf', clientId: 'k1', attachmentIds: ['a1', 'a2'] });
    expect(calls[0]!.url).toBe('/api/v1/conversations/c1/messages');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ kind: 'agent', body: 'receipt.pdf', clientId: 'k1', attachmentIds: ['a1', 'a2'] });
    expect(headersOf(calls[0]!)['content-type']).toBe('application/json');
  });

  it('leaves attachmentIds out when there are none, and gives the answer an attachments list', async () => {
    const { api, calls } = fakeApi([{ status: 201, body: { id: 'm', seq: 1 } }]);
    const message = await api.postMessage('c1', { kind: 'note', body: 'hi', clientId: 'k2', attachmentIds: [] });
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ kind: 'note', body: 'hi', clientId: 'k2' });
    expect(message.attachments).toEqual([]);
  });
});

describe('attachmentUrl', () => {
  it('is the agent download address', () => {
    expect(attachmentUrl('0190-abc')).toBe('/api/v1/attachments/0190-abc');
    expect(attachmentUrl('a/b')).toBe('/api/v1/attachments/a%2Fb');
  });
});

describe('triage endpoints', () => {
  it('re-categorises with PUT and the CSRF header', async () => {
    const { api, calls } = fakeApi([{ status: 200, body: { id: 'c1', intent: 'refund', intentSource: 'agent' } }]);
    await expect(api.setIntent('c1', 'refund')).resolves.toMatchObject({ intent: 'refund', intentSource: 'agent' });
    expect(calls[0]!.url).toBe('/api/v1/conversations/c1/intent');
    expect(calls[0]!.init.method).toBe('PUT');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ intent: 'refund' });
    expect(headersOf(calls[0]!)['x-csrf-token']).toBe('csrf-1');
  });
  it('asks for the brief in the UI language, and unwraps the category list', async () => {
    const { api, calls } = fakeApi([{ status: 200, body: { summary: 's' } }, { status: 200, body: { items: [{ name: 'refund' }] } }]);
    await api.brief('c1', 'ar');
    expect(calls[0]!.url).toBe('/api/v1/conversations/c1/brief?locale=ar');
    await expect(api.categories()).resolves.toEqual([{ name: 'refund' }]);
  });
  it('changes a category with PATCH and adds examples as {text} objects', async () => {
    const { api, calls } = fakeApi([{ status: 200, body: {} }, { status: 200, body: {} }]);
    await api.updateCategory('card.lost', { archived: true });
    await api.addExamples('card.lost', ['lost my card', 'ضاعت بطاقتي']);
    expect(calls[0]!.url).toBe('/api/v1/triage/categories/card.lost');
    expect(calls[0]!.init.method).toBe('PATCH');
    expect(JSON.parse(String(calls[1]!.init.body))).toEqual({ examples: [{ text: 'lost my card' }, { text: 'ضاعت بطاقتي' }] });
  });
  it('clears the brief endpoint with null, and shows the server message on errors', async () => {
    const { api, calls } = fakeApi([
      { status: 200, body: { briefEndpoint: null } },
      { status: 422, body: { error: { code: 'INTENT_MODEL_NOT_KEPT', message: 'version 3 was refused and not kept' } } },
    ]);
    await api.saveTriageSettings(null);
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ briefEndpoint: null });
    await expect(api.activateModel('v3')).rejects.toMatchObject({ code: 'INTENT_MODEL_NOT_KEPT', message: 'version 3 was refused and not kept' });
  });
});

describe('routing and transfers', () => {
  it('asks for a warm transfer with the CSRF header, and lists pending ones by query', async () => {
    const transfer = { id: 't1', conversationId: 'c1', status: 'pending' };
    const { api, calls } = fakeApi([{ status: 201, body: transfer }, { status: 200, body: { items: [transfer] } }]);
    await expect(api.requestTransfer('c1', { toAgentId: 'a2', reason: 'French' })).resolves.toEqual(transfer);
    expect(calls[0]!.url).toBe('/api/v1/conversations/c1/transfers');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ toAgentId: 'a2', reason: 'French' });
    expect(headersOf(calls[0]!)['x-csrf-token']).toBe('csrf-1');
    await expect(api.transfers({ status: 'pending', conversationId: 'c1' })).resolves.toEqual([transfer]);
    expect(calls[1]!.url).toBe('/api/v1/transfers?status=pending&conversationId=c1');
  });

  it('declines with a reason only when one is given', async () => {
    const { api, calls } = fakeApi([{ status: 200, body: {} }, { status: 200, body: {} }]);
    await api.declineTransfer('t1', 'busy');
    await api.declineTransfer('t1');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ reason: 'busy' });
    expect(JSON.parse(String(calls[1]!.init.body))).toEqual({});
  });

  it('deletes a rule with DELETE, and a refused rule carries the problems the server named', async () => {
    const problems = [{ path: 'conditions[1].value', message: 'expected a list for op "in"' }];
    const { api, calls } = fakeApi([{ status: 200, body: { id: 'r1' } }, { status: 400, body: { error: { code: 'VALIDATION_FAILED', message: 'conditions[1].value: …', details: { problems } } } }]);
    await api.deleteRoutingRule('r1');
    expect(calls[0]!.init.method).toBe('DELETE');
    expect(calls[0]!.url).toBe('/api/v1/routing/rules/r1');
    const error = await api.createRoutingRule({ name: 'x', conditions: [], actions: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).details).toEqual({ problems });
  });

  it('finds a conversation by number, page by page', async () => {
    const { api, calls } = fakeApi([
      { status: 200, body: { items: [{ id: 'c9', number: 9 }], nextCursor: 'n1' } },
      { status: 200, body: { items: [{ id: 'c3', number: 3 }], nextCursor: null } },
    ]);
    await expect(api.conversationByNumber(3)).resolves.toMatchObject({ id: 'c3' });
    expect(calls).toHaveLength(2);
    expect(calls[1]!.url).toContain('cursor=n1');
  });
});

describe('callbacks', () => {
  const callback = {
    id: 'cb1', conversationId: 'c2', contactId: 'k1', sourceConversationId: null, phone: '+201005550199', windowStart: '2026-11-24T08:00:00.000Z',
    windowEnd: '2026-11-24T08:30:00.000Z', timeZone: 'Africa/Cairo', note: null, status: 'scheduled', ownerId: null, createdAt: '', updatedAt: '',
  };

  it('schedules with a JSON body and the CSRF header', async () => {
    const { api, calls } = fakeApi([{ status: 201, body: callback }]);
    const body = { contactId: 'k1', phone: '+20 100 555 0199', windowStart: callback.windowStart, windowEnd: callback.windowEnd, timeZone: 'Africa/Cairo' };
    await expect(api.createCallback(body)).resolves.toEqual(callback);
    expect(calls[0]!.url).toBe('/api/v1/callbacks');
    expect(calls[0]!.init.method).toBe('POST');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual(body);
    expect(headersOf(calls[0]!)['x-csrf-token']).toBe('csrf-1');
  });

  it('lists with an optional status filter and cursor, and reads the summary', async () => {
    const { api, calls } = fakeApi([
      { status: 200, body: { items: [callback], nextCursor: null } },
      { status: 200, body: { items: [], nextCursor: null } },
      { status: 200, body: { scheduled: 1, done: 0, missed: 2, cancelled: 0, missedLast7Days: 2 } },
    ]);
    expect((await api.callbacks()).items).toHaveLength(1);
    await api.callbacks('missed', 'abc');
    expect((await api.callbackSummary()).missed).toBe(2);
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/callbacks?limit=50', '/api/v1/callbacks?status=missed&cursor=abc&limit=50', '/api/v1/callbacks/summary']);
  });

  it('marks one done or cancelled with PATCH; a final one answers CALLBACK_NOT_OPEN with the server’s message', async () => {
    const { api, calls } = fakeApi([
      { status: 200, body: { ...callback, status: 'done' } },
      { status: 400, body: { error: { code: 'CALLBACK_NOT_OPEN', message: 'this callback is done already' } } },
    ]);
    await expect(api.changeCallback('cb1', 'done')).resolves.toMatchObject({ status: 'done' });
    expect(calls[0]!.init.method).toBe('PATCH');
    expect(calls[0]!.url).toBe('/api/v1/callbacks/cb1');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ status: 'done' });
    const error = await api.changeCallback('cb1', 'cancelled').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, code: 'CALLBACK_NOT_OPEN', message: 'this callback is done already' });
  });
});
