import { AppError, type Actor } from '../../kernel/index.ts';
import { enqueueIn } from '../../platform/jobs/index.ts';
import { transact, type CommandContext } from '../../platform/outbox/index.ts';
import { processQueue } from './accept-mail.ts';
import { findInbound } from './inbound-store.ts';
import { sendQueue } from './outbound.ts';
import { findOutbound } from './outbound-store.ts';

/** A mail that failed to parse (say, after a parser fix) is read again: back to received, with a new job. */
export async function retryInboundMail(ctx: CommandContext, workspaceId: string, id: string, actor: Actor): Promise<void> {
  await transact(ctx, async (tx) => {
    const mail = await findInbound(tx.sql, id, true);
    if (!mail || mail.workspaceId !== workspaceId) throw new AppError('INBOUND_MAIL_NOT_FOUND', 'no such mail');
    if (mail.status !== 'failed' && mail.status !== 'ignored') throw new AppError('INBOUND_MAIL_NOT_FAILED', `this mail was ${mail.status}; only failed or ignored mail is read again`);
    await tx.sql.query("update email_inbound set status = 'received', error = null, processed_at = null where id = $1", [id]);
    await enqueueIn(tx, { queue: processQueue, workspaceId, payload: { inboundId: id } });
    tx.emit({ type: 'email.retried', workspaceId, subjectType: 'email_inbound', subjectId: id, actor, payload: { previous: mail.status } });
  });
}

/** A reply that could not be sent (relay down for hours, a fixed address) is sent again. */
export async function retryOutboundMail(ctx: CommandContext, workspaceId: string, id: string, actor: Actor): Promise<void> {
  await transact(ctx, async (tx) => {
    const mail = await findOutbound(tx.sql, id, true);
    if (!mail || mail.workspaceId !== workspaceId) throw new AppError('NOT_FOUND', 'no such outgoing mail');
    if (mail.status !== 'failed') throw new AppError('VALIDATION_FAILED', `this mail is ${mail.status}; only a failed mail is sent again`);
    await tx.sql.query("update email_outbound set status = 'queued', last_error = null, updated_at = $2 where id = $1", [id, tx.now]);
    await enqueueIn(tx, { queue: sendQueue, workspaceId, payload: { outboundId: id } });
    tx.emit({ type: 'email.queued', workspaceId, subjectType: 'conversation', subjectId: mail.conversationId, actor, payload: { outboundId: id, status: 'queued', retry: true } });
  });
}
