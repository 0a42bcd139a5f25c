import { createHash } from 'node:crypto';
import { enqueueIn } from '../../platform/jobs/index.ts';
import { transact, type CommandContext } from '../../platform/outbox/index.ts';
import { findDuplicate, insertInbound, type InboundMail } from './inbound-store.ts';
import type { Mailbox } from './mailbox-store.ts';
import { rawMessageId } from './raw-header-rules.ts';

export const processQueue = 'email.process';

export interface RawMailInput {
  mailbox: Pick<Mailbox, 'id' | 'workspaceId'>;
  raw: Uint8Array;
  source: 'smtp' | 'imap';
  /** SMTP: sender, recipients and the client's address; IMAP: the folder. Kept for the record. */
  envelope?: Record<string, unknown>;
  imap?: { uidValidity: string; uid: number };
}

export interface Accepted {
  id: string;
  /** The same mail was already here (same Message-ID in the workspace, or the same IMAP UID): nothing new was stored. */
  duplicate: boolean;
}

/**
 * Stores a mail exactly as it came, and the job that will read it, in one transaction. Resolves
 * only after the commit, so the caller may acknowledge the mail (SMTP 250, IMAP cursor) once it
 * returns: from then on a crash cannot lose it. Nothing here parses the mail, so no mail, however
 * broken, fails to be accepted.
 */
export async function acceptRawMail(ctx: CommandContext, input: RawMailInput): Promise<Accepted> {
  const raw = input.raw;
  const rfcMessageId = rawMessageId(raw);
  return transact(ctx, async (tx) => {
    const mail: InboundMail = {
      id: tx.newId(), workspaceId: input.mailbox.workspaceId, mailboxId: input.mailbox.id, source: input.source, size: raw.length,
      sha256: createHash('sha256').update(raw).digest('hex'), envelope: input.envelope ?? {}, rfcMessageId,
      imapUidValidity: input.imap?.uidValidity ?? null, imapUid: input.imap?.uid ?? null, status: 'received', problems: [], error: null, attempts: 0,
      conversationId: null, messageId: null, receivedAt: tx.now, processedAt: null,
    };
    if (!(await insertInbound(tx.sql, mail, raw))) {
      const existing = await findDuplicate(tx.sql, mail);
      return { id: existing?.id ?? mail.id, duplicate: true };
    }
    await enqueueIn(tx, { queue: processQueue, workspaceId: mail.workspaceId, payload: { inboundId: mail.id }, dedupeKey: mail.id });
    tx.emit({
      type: 'email.received', workspaceId: mail.workspaceId, subjectType: 'email_inbound', subjectId: mail.id, actor: { type: 'system' },
      payload: { mailboxId: mail.mailboxId, source: mail.source, size: mail.size },
    });
    return { id: mail.id, duplicate: false };
  });
}
