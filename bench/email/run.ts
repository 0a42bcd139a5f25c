/**
 * bench/email — mail in over SMTP: how fast Sanad acknowledges mail (250 only after the raw mail
 * is committed) and how fast it reads it (parse, sanitise, thread, contact, conversation), with
 * real SMTP clients on loopback, beside a bare SMTP server that keeps nothing (the floor).
 *
 *   npm run bench:email -- [--mails 400] [--connections 8]
 *
 * The mix: plain English, HTML newsletters-ish, Arabic in windows-1256, a PDF attachment, and one
 * in three a reply to an earlier mail of the run (threading by In-Reply-To). Storage is PGlite in a
 * temporary directory, or PostgreSQL when DATABASE_URL is set.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import iconv from 'iconv-lite';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { buildApp } from '../../src/app.ts';
import { createMailbox } from '../../src/channels/email/index.ts';
import { readConfig } from '../../src/config.ts';
import { createTestWorkspace } from '../../src/testing/index.ts';
import { openRuntime } from '../../src/main.ts';

const args = parseArgs({ options: { mails: { type: 'string', default: '400' }, connections: { type: 'string', default: '8' } } }).values;
const plan = { mails: Number(args.mails), connections: Number(args.connections) };

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function mailFor(i: number, to: string, replyTo: string | null): SendMailOptions {
  const messageId = `<bench-${i}-${process.pid}@customer.test>`;
  const base = { from: `Customer ${i % 50} <c${i % 50}@customer.test>`, to, messageId, ...(replyTo ? { inReplyTo: replyTo, references: [replyTo] } : {}) };
  switch (i % 4) {
    case 0:
      return { ...base, subject: `Order ${10000 + i} was charged twice`, text: `Hello,\n\nI was charged twice for order ${10000 + i}. Please refund one.\n\nThanks\n-- \nCustomer ${i}` };
    case 1:
      return {
        ...base, subject: `Invoice question ${i}`,
        html: `<html><body><table><tr><td style="color:#333;font-size:14px">Why is invoice <b>${i}</b> higher?</td></tr></table><img src="https://tracker.example/p.gif?${i}"><script>x()</script></body></html>`,
      };
    case 2: {
      // Old Outlook style: 8-bit windows-1256, given as raw bytes.
      const head = [
        `From: c${i % 50}@customer.test`, `To: ${to}`, `Subject: =?windows-1256?B?${iconv.encode(`استفسار ${i}`, 'windows-1256').toString('base64')}?=`,
        `Message-ID: ${messageId}`, ...(replyTo ? [`In-Reply-To: ${replyTo}`, `References: ${replyTo}`] : []),
        'MIME-Version: 1.0', 'Content-Type: text/plain; charset=windows-1256', 'Content-Transfer-Encoding: 8bit', '', '',
      ].join('\r\n');
      return { envelope: { from: `c${i % 50}@customer.test`, to: [to] }, messageId, raw: Buffer.concat([Buffer.from(head), iconv.encode(`مرحبا، لم يصل الطلب رقم ${i} حتى الآن.\r\n`, 'windows-1256')]) };
    }
    default:
      return { ...base, subject: `Receipt ${i}`, text: 'The receipt is attached.', attachments: [{ filename: `receipt-${i}.pdf`, content: pdf, contentType: 'application/pdf' }] };
  }
}

interface SendResult {
  perSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  seconds: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? NaN;

async function sendAll(port: number, to: string): Promise<SendResult> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, pool: true, maxConnections: plan.connections, maxMessages: Infinity });
  const latencies: number[] = [];
  const ids: string[] = [];
  const started = performance.now();
  let next = 0;
  // Each connection sends one mail at a time, as real MTAs do per connection.
  await Promise.all(Array.from({ length: plan.connections }, async () => {
    while (next < plan.mails) {
      const i = next++;
      const replyTo = i % 3 === 2 && ids.length > 0 ? ids[Math.floor(ids.length / 2)] ?? null : null;
      const t0 = performance.now();
      const info = await transport.sendMail(mailFor(i, to, replyTo));
      latencies.push(performance.now() - t0);
      ids.push(info.messageId);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  const sorted = latencies.sort((a, b) => a - b);
  return { perSecond: plan.mails / seconds, seconds, latencyMs: { p50: percentile(sorted, 0.5), p90: percentile(sorted, 0.9), p99: percentile(sorted, 0.99), max: sorted.at(-1) ?? NaN } };
}

async function runFloor(): Promise<SendResult> {
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['AUTH', 'STARTTLS'], logger: false, disableReverseLookup: true,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => callback(null));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await sendAll((server.server.address() as { port: number }).port, 'support@bench.test');
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

async function runSanad() {
  const dataDir = mkdtempSync(join(tmpdir(), 'sanad-bench-email-'));
  const runtime = await openRuntime(readConfig({ ...process.env, SANAD_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
  const app = await buildApp({ ctx: runtime.ctx, serveWeb: false, routing: { auto: false }, email: { smtp: { port: 0, host: '127.0.0.1' }, imap: false }, jobs: { pollMs: 50, auto: process.env.BENCH_NO_JOBS !== '1' } });
  try {
    const workspace = await createTestWorkspace(runtime.ctx, 'Bench');
    await createMailbox(runtime.ctx, workspace.id, { address: `support-${process.pid}@bench.test`, name: 'Bench', inbound: 'smtp' }, { type: 'system' });
    const sent = await sendAll(app.emailSmtpPort ?? 0, `support-${process.pid}@bench.test`);
    const started = performance.now() - sent.seconds * 1000;
    if (process.env.BENCH_NO_JOBS === '1') {
      console.log('acknowledged only (reading off):', JSON.stringify(sent));
      process.exit(0);
    }
    // Reading runs behind the 250s as jobs; wait until every mail is filed.
    for (;;) {
      const rows = await runtime.ctx.db.query<{ status: string; n: number }>('select status, count(*)::int as n from email_inbound where workspace_id = $1 group by status', [workspace.id]);
      const pending = rows.find((r) => r.status === 'received')?.n ?? 0;
      if (pending === 0 && rows.reduce((s, r) => s + r.n, 0) >= plan.mails) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const filedSeconds = (performance.now() - started) / 1000;
    const statuses = await runtime.ctx.db.query<{ status: string; n: number }>('select status, count(*)::int as n from email_inbound where workspace_id = $1 group by status order by status', [workspace.id]);
    const threads = await runtime.ctx.db.query<{ n: number }>("select count(*)::int as n from conversations where workspace_id = $1 and channel = 'email'", [workspace.id]);
    return { sent, filedPerSecond: plan.mails / filedSeconds, filedSeconds, statuses: Object.fromEntries(statuses.map((r) => [r.status, r.n])), conversations: threads[0]?.n ?? 0, storage: process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite (file)' };
  } finally {
    await app.close();
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const floor = await runFloor();
const sanad = await runSanad();
const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 0) : '—');
console.log(`\nemail: ${plan.mails} mails over ${plan.connections} SMTP connections (${sanad.storage})`);
console.log('| path | mails/s acknowledged | 250 p50 ms | p90 ms | p99 ms | max ms | mails/s read and filed |');
console.log('|---|---|---|---|---|---|---|');
console.log(`| bare SMTP server, keeps nothing (floor) | ${fmt(floor.perSecond)} | ${fmt(floor.latencyMs.p50)} | ${fmt(floor.latencyMs.p90)} | ${fmt(floor.latencyMs.p99)} | ${fmt(floor.latencyMs.max)} | — |`);
console.log(`| Sanad (${sanad.storage}) | ${fmt(sanad.sent.perSecond)} | ${fmt(sanad.sent.latencyMs.p50)} | ${fmt(sanad.sent.latencyMs.p90)} | ${fmt(sanad.sent.latencyMs.p99)} | ${fmt(sanad.sent.latencyMs.max)} | ${fmt(sanad.filedPerSecond)} |`);
console.log(`\nfiled: ${JSON.stringify(sanad.statuses)} into ${sanad.conversations} conversations; acknowledging runs at ${((sanad.sent.perSecond / floor.perSecond) * 100).toFixed(1)}% of the floor.`);
const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30) };
mkdirSync('bench/results', { recursive: true });
const file = `bench/results/email-${process.env.DATABASE_URL ? 'postgresql' : 'pglite'}.json`;
writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), machine, plan, floor, sanad }, null, 2) + '\n');
console.log(`wrote ${file}`);
process.exit(0);
