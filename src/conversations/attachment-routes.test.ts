import { beforeAll, describe, expect, it } from 'vitest';
import { sampleFiles, testApp, type Caller, type TestApp } from '../testing/index.ts';

const { png } = sampleFiles;

let t: TestApp;
let conversationId: string;
beforeAll(async () => {
  t = await testApp();
  const started = await t.call(t.as.agent, 'POST', '/api/v1/conversations', { channel: 'email', contact: { name: 'Files' } });
  conversationId = started.json().id;
});

const upload = (caller: Caller, body: Uint8Array | string, type: string, name = 'receipt.png') =>
  t.app.inject({ method: 'POST', url: `/api/v1/attachments?name=${encodeURIComponent(name)}`, headers: { ...caller.headers, 'content-type': type }, payload: Buffer.from(body) });
const count = async (table: string) => (await t.ctx.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

describe('attachments over HTTP', () => {
  it('when an agent uploads a picture and sends it, then the message carries it and it downloads safely', async () => {
    const uploaded = await upload(t.as.agent, png, 'image/png');
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json()).toMatchObject({ name: 'receipt.png', contentType: 'image/png', size: png.length });
    const sent = await t.call(t.as.agent, 'POST', `/api/v1/conversations/${conversationId}/messages`, { kind: 'agent', body: 'Here is the receipt', attachmentIds: [uploaded.json().id] });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().attachments).toEqual([uploaded.json()]);
    const download = await t.call(t.as.supervisor, 'GET', `/api/v1/attachments/${uploaded.json().id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(Buffer.from(png))).toBe(true);
    expect(download.headers).toMatchObject({ 'content-type': 'image/png', 'x-content-type-options': 'nosniff' });
    expect(download.headers['content-security-policy']).toContain('sandbox');
  });

  it('when HTML is uploaded as a picture, then 415 and nothing is stored', async () => {
    const before = await count('attachments');
    const response = await upload(t.as.agent, '<script>alert(1)</script>', 'image/png');
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('ATTACHMENT_TYPE_REFUSED');
    expect(await count('attachments')).toBe(before);
  });

  it('when a file is over 10 MB, then 413', async () => {
    const huge = new Uint8Array(10 * 1024 * 1024 + 10);
    huge.set(png);
    const response = await upload(t.as.agent, huge, 'image/png');
    expect(response.statusCode).toBe(413);
  });

  it("when someone attaches another person's upload or reuses one, then it is refused and no message is written", async () => {
    const mine = (await upload(t.as.agent, png, 'image/png')).json().id;
    const before = (await t.call(t.as.agent, 'GET', `/api/v1/conversations/${conversationId}`)).json().lastSeq;
    const stolen = await t.call(t.as.supervisor, 'POST', `/api/v1/conversations/${conversationId}/messages`, { kind: 'agent', body: 'mine now', attachmentIds: [mine] });
    expect(stolen.json().error.code).toBe('ATTACHMENT_NOT_FOUND');
    await t.call(t.as.agent, 'POST', `/api/v1/conversations/${conversationId}/messages`, { kind: 'agent', body: 'first use', attachmentIds: [mine] });
    const reused = await t.call(t.as.agent, 'POST', `/api/v1/conversations/${conversationId}/messages`, { kind: 'agent', body: 'again', attachmentIds: [mine] });
    expect(reused.json().error.code).toBe('ATTACHMENT_NOT_USABLE');
    expect((await t.call(t.as.agent, 'GET', `/api/v1/conversations/${conversationId}`)).json().lastSeq).toBe(before + 1);
  });
});
