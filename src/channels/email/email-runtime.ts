import { PermanentJobError, type JobHandlers, type RunningJob } from '../../platform/jobs/index.ts';
import { ImapFleet, relayTransport, type ImapMailbox, type MailTransport } from '../../platform/mail/index.ts';
import { acceptRawMail, processQueue } from './accept-mail.ts';
import { maybeAcknowledge } from './acknowledge.ts';
import { DbImapCursorStore } from './imap/index.ts';
import { imapMailboxesToFetch, type EmailContext } from './mailbox-commands.ts';
import { queueReply, sendOutbound, sendQueue } from './outbound.ts';
import { processInboundMail } from './process-mail.ts';
import { startSmtpListener, type SmtpListenerOptions } from './smtp-listener.ts';

export interface EmailOptions {
  /** Sanad's own SMTP listener; off when absent. */
  smtp?: Omit<SmtpListenerOptions, 'onError'> | null;
  /** Where replies go out: a relay URL, or a transport (tests); none means replies wait and fail clearly. */
  relay?: string | MailTransport | null;
  /**
   * Fetch IMAP mailboxes on this node (default true). Every node may: a mail fetched twice is
   * stored once (Message-ID and UID); extra nodes may turn it off to save the work.
   */
  imap?: boolean;
  onError?: (error: unknown) => void;
}

export interface EmailRuntime {
  /** The SMTP listener's port, when it runs. */
  smtpPort: number | null;
  stop(): Promise<void>;
}

/** What the job queue runs for email: reading a stored mail, and sending a stored reply. */
export function emailJobHandlers(ctx: EmailContext, relay: EmailOptions['relay']): JobHandlers {
  const transport = typeof relay === 'string' ? relayTransport(relay) : relay ?? null;
  return {
    [processQueue]: async (job: RunningJob<{ inboundId: string }>) => {
      const outcome = await processInboundMail(ctx, job.payload.inboundId);
      // After filing, so a failed acknowledgement never un-files the mail; a retry of this job finds it filed and skips both.
      await maybeAcknowledge(ctx, outcome);
    },
    [sendQueue]: async (job: RunningJob<{ outboundId: string }>) => {
      try {
        await sendOutbound(ctx, job.payload.outboundId, transport, {
          isLastAttempt: job.isLastAttempt, nextAttemptAt: job.retryDelayMs === null ? null : new Date(ctx.clock().getTime() + job.retryDelayMs),
        });
      } catch (error) {
        // A relay's 5xx (no such user, refused) will not change by trying again.
        if ((error as { permanent?: boolean }).permanent) throw new PermanentJobError((error as Error).message, { cause: error });
        throw error;
      }
    },
  };
}

/** The IMAP fleet's view of the mailboxes to fetch. */
async function imapList(ctx: EmailContext): Promise<ImapMailbox[]> {
  return (await imapMailboxesToFetch(ctx)).map((m) => ({
    id: m.id, workspaceId: m.workspaceId, host: m.imap.host, port: m.imap.port, secure: m.imap.secure, user: m.imap.user, password: m.password,
    folder: m.imap.folder, pollMs: m.imap.pollMs,
  }));
}

/** Starts what email needs besides the job queue: replies become mail, the SMTP listener, and IMAP fetching. */
export async function startEmail(ctx: EmailContext, options: EmailOptions = {}): Promise<EmailRuntime> {
  const report = options.onError ?? (() => undefined);
  const fleet = options.imap === false ? null : new ImapFleet({
    // A fetched mail is acknowledged (the cursor moves) only after acceptRawMail has committed it.
    sink: {
      deliver: async (mailbox, mail) => {
        await acceptRawMail(ctx, { mailbox, raw: mail.raw, source: 'imap', envelope: { folder: mailbox.folder ?? 'INBOX' }, imap: { uidValidity: mail.uidValidity, uid: mail.uid } });
      },
    },
    cursors: new DbImapCursorStore(ctx.db, ctx.clock),
    options: { log: (entry) => { if (entry.level === 'error') report(new Error(`IMAP mailbox ${entry.mailboxId}: ${entry.message}`)); } },
  });
  const syncFleet = async () => {
    if (fleet) await fleet.sync(await imapList(ctx));
  };
  const unsubscribe = await ctx.bus.subscribe(async (event) => {
    if (event.type === 'message.created') await queueReply(ctx, event);
    if (event.type === 'email_mailbox.created' || event.type === 'email_mailbox.changed') await syncFleet();
  });
  await syncFleet().catch(report);
  // A safety net for a missed mailbox event (another node's change while Redis was away).
  const resync = fleet ? setInterval(() => void syncFleet().catch(report), 60_000) : null;
  resync?.unref();
  const smtp = options.smtp ? await startSmtpListener(ctx, { ...options.smtp, onError: report }) : null;
  return {
    smtpPort: smtp?.port ?? null,
    async stop() {
      await unsubscribe();
      await smtp?.close();
      if (resync) clearInterval(resync);
      await fleet?.stop();
    },
  };
}
