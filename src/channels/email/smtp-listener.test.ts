import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, testContext, type TestContext } from '../../testing/index.ts';
import { createMailbox } from './mailbox-commands.ts';
import { startSmtpListener, type SmtpListener } from './smtp-listener.ts';

let ctx: TestContext;
const dir = mkdtempSync(join(tmpdir(), 'sanad-smtp-tls-'));
let listener: SmtpListener;

beforeAll(async () => {
  ctx = await testContext();
  const workspace = await createTestWorkspace(ctx);
  await createMailbox(ctx, workspace.id, { address: 'tls@sanad.test', name: 'TLS', inbound: 'smtp' }, { type: 'system' });
  // A throwaway self-signed certificate, as an admin would configure with SANAD_SMTP_TLS_CERT/KEY.
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=localhost'], { stdio: 'ignore' });
  listener = await startSmtpListener(ctx, { port: 0, host: '127.0.0.1', maxBytes: 64 * 1024, tls: { cert: readFileSync(join(dir, 'cert.pem')), key: readFileSync(join(dir, 'key.pem')) } });
});

afterAll(async () => {
  await listener?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the SMTP listener', () => {
  it('when a certificate is configured, then a client that requires TLS upgrades with STARTTLS and the mail is stored', async () => {
    const client = nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, requireTLS: true, tls: { rejectUnauthorized: false } });
    const info = await client.sendMail({ from: 'a@example.com', to: 'tls@sanad.test', subject: 'over TLS', text: 'secret', messageId: '<tls-1@example.com>' });
    expect(info.response).toMatch(/^250/);
    expect(await ctx.db.query("select source from email_inbound where rfc_message_id = 'tls-1@example.com'")).toEqual([{ source: 'smtp' }]);
  });

  it('when a mail is larger than the limit, then it is refused with 552 and nothing is stored', async () => {
    const client = nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, requireTLS: true, tls: { rejectUnauthorized: false } });
    await expect(client.sendMail({ from: 'a@example.com', to: 'tls@sanad.test', subject: 'huge', text: 'x'.repeat(200 * 1024), messageId: '<huge-1@example.com>' }))
      .rejects.toThrow(/552|size|larger/i);
    expect(await ctx.db.query("select 1 from email_inbound where rfc_message_id = 'huge-1@example.com'")).toHaveLength(0);
  });
});
