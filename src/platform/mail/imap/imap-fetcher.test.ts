import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hasDovecot, startDovecot, type DovecotServer } from './dovecot-harness.ts';
import { ImapFetcher } from './imap-fetcher.ts';
import { ImapFleet } from './imap-fleet.ts';
import {
  appendMail, arabicWindows1256Mail, base64Mail, flagsOf, LogRecorder, mailboxFor, RecordingSink, serverClient, sleep, textMail, until,
} from './imap-test-support.ts';
import type { ImapFetchOptions } from './imap-types.ts';
import { MemoryImapCursorStore } from './memory-imap-cursor-store.ts';

if (!hasDovecot) console.warn('IMAP tests skipped: no Dovecot at /usr/sbin/dovecot (apt-get install dovecot-imapd; .ci/run does this)');

const users = ['fresh', 'restart', 'idler', 'alpha', 'beta', 'validity', 'flaky'];
const id = (n: number) => `0192f3a4-0000-7000-8000-${n.toString().padStart(12, '0')}`;
const fast: ImapFetchOptions = { backoffBaseMs: 50, backoffMaxMs: 500, pollMs: 1_000, random: () => 0.5 };

describe.skipIf(!hasDovecot)('fetching from a real Dovecot', () => {
  let server: DovecotServer;
  const running: { stop(): Promise<void> }[] = [];
  const run = <T extends { stop(): Promise<void> }>(x: T) => (running.push(x), x);

  beforeAll(async () => {
    server = await startDovecot({ users });
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((x) => x.stop()));
  });
  afterAll(async () => server?.destroy());

  it('when mails are waiting, then each reaches the sink once with its exact bytes, in UID order, and stays unseen', async () => {
    const mails = [textMail('Refund'), arabicWindows1256Mail((s) => iconv.encode(s, 'windows-1256')), base64Mail()];
    await appendMail(server, 'fresh', mails);
    const sink = new RecordingSink();
    const cursors = new MemoryImapCursorStore();
    const logs = new LogRecorder();
    const fetcher = run(new ImapFetcher(mailboxFor(server, 'fresh', id(1)), { sink, cursors, options: { ...fast, log: logs.log } }));
    fetcher.start();
    await until('three mails', () => sink.delivered.length === 3);
    expect(sink.uids()).toEqual([1, 2, 3]);
    sink.delivered.forEach((d, i) => expect(d.mail.raw.equals(mails[i]!)).toBe(true));
    // The Arabic bytes arrive as windows-1256, untouched (0xC7 is alef there).
    expect(sink.delivered[1]!.mail.raw.includes(iconv.encode('استرجاع', 'windows-1256'))).toBe(true);
    const validity = sink.delivered[0]!.mail.uidValidity;
    expect(validity).toMatch(/^\d+$/);
    expect(await cursors.load(id(1))).toEqual({ uidValidity: validity, lastUid: 3 });
    expect(logs.has('first-sync')).toBe(true);
    // A few safety-net polls later nothing came twice.
    await sleep(2_500);
    expect(sink.delivered).toHaveLength(3);
    for (const flags of (await flagsOf(server, 'fresh')).values()) expect(flags).not.toContain('\\Seen');
  });

  it('when restarted with the cursor saved in the store, then only mail that came since is fetched', async () => {
    // One store outlives both fetchers, as the database does a restart (the email channel's DbImapCursorStore keeps the same contract).
    const cursors = new MemoryImapCursorStore();
    await appendMail(server, 'restart', [textMail('one'), textMail('two')]);
    const first = new RecordingSink();
    const before = new ImapFetcher(mailboxFor(server, 'restart', id(2)), { sink: first, cursors, options: fast });
    before.start();
    await until('the first two', () => first.delivered.length === 2);
    await before.stop();

    await appendMail(server, 'restart', [textMail('three'), textMail('four')]);
    const second = new RecordingSink();
    const after = run(new ImapFetcher(mailboxFor(server, 'restart', id(2)), { sink: second, cursors, options: fast }));
    after.start();
    await until('the two new', () => second.delivered.length === 2);
    await sleep(1_500);
    expect(second.uids()).toEqual([3, 4]);
    expect((await cursors.load(id(2)))?.lastUid).toBe(4);
  });

  it('when mail arrives while the fetcher idles, then IDLE brings it at once, long before the next poll', async () => {
    const sink = new RecordingSink();
    const fetcher = run(new ImapFetcher(mailboxFor(server, 'idler', id(3), { pollMs: 120_000 }), { sink, cursors: new MemoryImapCursorStore(), options: fast }));
    fetcher.start();
    await until('idling', () => fetcher.state.phase === 'idling');
    expect(fetcher.state.idle).toBe(true);
    await appendMail(server, 'idler', [textMail('while idling')]);
    await until('the idled mail', () => sink.delivered.length === 1, 8_000);
    await until('idling again', () => fetcher.state.phase === 'idling');
    await appendMail(server, 'idler', [textMail('again')]);
    await until('the second idled mail', () => sink.delivered.length === 2, 8_000);
    expect(sink.uids()).toEqual([1, 2]);
  });

  it('when a fleet runs two mailboxes, then both are fetched in parallel, each into its own mailbox', async () => {
    await appendMail(server, 'alpha', [textMail('alpha 1'), textMail('alpha 2')]);
    await appendMail(server, 'beta', [textMail('beta 1')]);
    const sink = new RecordingSink();
    const fleet = run(new ImapFleet({ sink, cursors: new MemoryImapCursorStore(), options: fast }));
    await fleet.sync([mailboxFor(server, 'alpha', id(4)), mailboxFor(server, 'beta', id(5))]);
    await until('three mails', () => sink.delivered.length === 3);
    await until('both idling', () => fleet.states().every((s) => s.phase === 'idling'));
    await appendMail(server, 'beta', [textMail('beta 2')]);
    await until('beta 2', () => sink.uids(id(5)).length === 2);
    expect(sink.uids(id(4))).toEqual([1, 2]);
    expect(sink.uids(id(5))).toEqual([1, 2]);
    expect(sink.delivered.find((d) => d.mailboxId === id(5))!.mail.raw.toString()).toContain('beta 1');

    await fleet.remove(id(4));
    expect(fleet.has(id(4))).toBe(false);
    await appendMail(server, 'alpha', [textMail('alpha 3')]);
    await sleep(1_500);
    expect(sink.uids(id(4))).toEqual([1, 2]);
    await fleet.add(mailboxFor(server, 'alpha', id(4)));
    await until('alpha 3 after re-adding', () => sink.uids(id(4)).length === 3);
    await fleet.stop();
    expect(fleet.states()).toEqual([]);
  });

  it('when the folder is recreated with a new UIDVALIDITY, then it is said and fetched again from its beginning', async () => {
    const admin = await serverClient(server, 'validity');
    await admin.mailboxCreate('Support');
    await admin.logout();
    await appendMail(server, 'validity', [textMail('old 1'), textMail('old 2')], 'Support');
    const cursors = new MemoryImapCursorStore();
    const sink = new RecordingSink();
    const logs = new LogRecorder();
    const mailbox = mailboxFor(server, 'validity', id(6), { folder: 'Support' });
    const before = new ImapFetcher(mailbox, { sink, cursors, options: { ...fast, log: logs.log } });
    before.start();
    await until('the old mails', () => sink.delivered.length === 2);
    await before.stop();
    const oldValidity = sink.delivered[0]!.mail.uidValidity;

    const again = await serverClient(server, 'validity');
    await again.mailboxDelete('Support');
    await again.mailboxCreate('Support');
    await again.logout();
    await appendMail(server, 'validity', [textMail('new 1')], 'Support');
    const after = run(new ImapFetcher(mailbox, { sink, cursors, options: { ...fast, log: logs.log } }));
    after.start();
    await until('the new mail', () => sink.delivered.length === 3);
    const fresh = sink.delivered[2]!.mail;
    expect(fresh.uidValidity).not.toBe(oldValidity);
    expect(fresh.uid).toBe(1);
    expect(logs.entries.find((e) => e.event === 'uidvalidity-changed')?.message).toContain(oldValidity);
  });

  it('when the sink fails once, then that mail is retried and none is skipped or doubled', async () => {
    await appendMail(server, 'flaky', [textMail('a'), textMail('b'), textMail('c')]);
    const sink = new RecordingSink();
    sink.failNext = 1;
    const logs = new LogRecorder();
    const cursors = new MemoryImapCursorStore();
    const fetcher = run(new ImapFetcher(mailboxFor(server, 'flaky', id(7)), { sink, cursors, options: { ...fast, log: logs.log } }));
    fetcher.start();
    await until('all three', () => sink.delivered.length === 3);
    expect(sink.uids()).toEqual([1, 2, 3]);
    expect(sink.attempts).toBe(4);
    expect(logs.entries.find((e) => e.event === 'error')?.message).toContain('the store is unavailable');
    expect(fetcher.state.failures).toBe(0);
  });
});

describe.skipIf(!hasDovecot)('fetching from a Dovecot that comes and goes, or lacks IDLE', () => {
  it('when the server stops and comes back, then the fetcher reconnects by itself and goes on', async () => {
    const server = await startDovecot({ users: ['bouncy'] });
    const sink = new RecordingSink();
    const logs = new LogRecorder();
    const fetcher = new ImapFetcher(mailboxFor(server, 'bouncy', id(8)), { sink, cursors: new MemoryImapCursorStore(), options: { ...fast, log: logs.log } });
    try {
      await appendMail(server, 'bouncy', [textMail('before')]);
      fetcher.start();
      await until('the first mail', () => sink.delivered.length === 1);
      await until('idling', () => fetcher.state.phase === 'idling');
      await server.stop();
      await until('noticing the loss', () => fetcher.state.failures > 0);
      expect(fetcher.state.lastError).toBeTruthy();
      await server.start();
      await appendMail(server, 'bouncy', [textMail('after')]);
      await until('the mail after the restart', () => sink.delivered.length === 2);
      expect(sink.uids()).toEqual([1, 2]);
      expect(logs.has('reconnecting')).toBe(true);
    } finally {
      await fetcher.stop();
      await server.destroy();
    }
  });

  it('when the server does not offer IDLE, then the fetcher polls and still gets new mail', async () => {
    const server = await startDovecot({ users: ['poller'], withoutIdle: true });
    const sink = new RecordingSink();
    const fetcher = new ImapFetcher(mailboxFor(server, 'poller', id(9), { pollMs: 1_000 }), { sink, cursors: new MemoryImapCursorStore(), options: fast });
    try {
      fetcher.start();
      await until('polling', () => fetcher.state.phase === 'polling');
      expect(fetcher.state.idle).toBe(false);
      await appendMail(server, 'poller', [textMail('polled')]);
      await until('the polled mail', () => sink.delivered.length === 1, 6_000);
      for (const flags of (await flagsOf(server, 'poller')).values()) expect(flags).not.toContain('\\Seen');
    } finally {
      await fetcher.stop();
      await server.destroy();
    }
  });
});
