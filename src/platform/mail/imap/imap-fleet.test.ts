import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ImapFleet } from './imap-fleet.ts';
import { forgottenCursor } from './imap-rules.ts';
import { LogRecorder, RecordingSink, until } from './imap-test-support.ts';
import type { ImapMailbox } from './imap-types.ts';
import { MemoryImapCursorStore } from './memory-imap-cursor-store.ts';

/** A loopback port nothing listens on: every connect is refused at once. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const mailboxId = '0192f3a4-0000-7000-8000-0000000000f1';

describe('a fleet whose server is unreachable', () => {
  it('when connecting keeps failing, then it backs off and retries without throwing, and stops at once', async () => {
    const port = await deadPort();
    const logs = new LogRecorder();
    const fleet = new ImapFleet({ sink: new RecordingSink(), cursors: new MemoryImapCursorStore(), options: { backoffBaseMs: 20, backoffMaxMs: 100, log: logs.log } });
    const mailbox: ImapMailbox = { id: mailboxId, workspaceId: 'w', host: '127.0.0.1', port, secure: false, user: 'u', password: 'p' };
    await fleet.add(mailbox);
    await until('three failures', () => (fleet.states()[0]?.failures ?? 0) >= 3, 10_000);
    expect(fleet.states()[0]!.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(logs.entries.filter((e) => e.event === 'reconnecting').length).toBeGreaterThanOrEqual(3);
    const started = performance.now();
    await fleet.stop();
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(fleet.states()).toEqual([]);
    await fleet.add(mailbox);
    expect(fleet.has(mailboxId)).toBe(false);
  });

  it('when a mailbox is pointed at another folder, then its cursor is forgotten; a new password keeps it', async () => {
    const port = await deadPort();
    const cursors = new MemoryImapCursorStore();
    const fleet = new ImapFleet({ sink: new RecordingSink(), cursors, options: { backoffBaseMs: 50, backoffMaxMs: 100 } });
    const mailbox: ImapMailbox = { id: mailboxId, workspaceId: 'w', host: '127.0.0.1', port, secure: false, user: 'u', password: 'p' };
    try {
      await fleet.add(mailbox);
      await cursors.save(mailboxId, { uidValidity: '7', lastUid: 40 });
      await fleet.update({ ...mailbox, password: 'new' });
      expect(await cursors.load(mailboxId)).toEqual({ uidValidity: '7', lastUid: 40 });
      await fleet.update({ ...mailbox, password: 'new', folder: 'Support' });
      expect(await cursors.load(mailboxId)).toEqual(forgottenCursor);
      expect(fleet.has(mailboxId)).toBe(true);
    } finally {
      await fleet.stop();
    }
  });
});
