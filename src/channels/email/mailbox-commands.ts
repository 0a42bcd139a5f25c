import { getTeam } from '../../accounts/index.ts';
import { AppError, type Actor } from '../../kernel/index.ts';
import { transact, type CommandContext, type QueryContext } from '../../platform/outbox/index.ts';
import { openSecret, sealSecret } from '../../platform/secrets/index.ts';
import { checkImapSettings, mailboxAddress, type ImapInput } from './mailbox-rules.ts';
import { findMailbox, findMailboxByAddress, insertMailbox, listMailboxRows, saveMailbox, sealedImapPassword, type Mailbox } from './mailbox-store.ts';

/** Email commands need the server key: it seals IMAP passwords and signs conversation tokens. */
export interface EmailContext extends CommandContext {
  hmacKey: Buffer;
}

const passwordPurpose = 'imap-password';

export interface MailboxInput {
  address: string;
  name: string;
  teamId?: string | null | undefined;
  inbound: 'smtp' | 'imap';
  imap?: (ImapInput & { password?: string | undefined }) | null | undefined;
  autoAcknowledge?: boolean | undefined;
}

export type MailboxChange = Partial<MailboxInput> & { enabled?: boolean | undefined };

function checkName(name: string): string {
  const n = name.trim();
  if (!n || n.length > 100) throw new AppError('VALIDATION_FAILED', 'a mailbox name has 1 to 100 characters');
  return n;
}

async function assertAddressFree(ctx: QueryContext, address: string, exceptId: string | null): Promise<void> {
  const holder = await findMailboxByAddress(ctx.db, address);
  const disabled = await ctx.db.query<{ id: string }>('select id from email_mailboxes where address = $1', [address]);
  const taken = holder ?? (disabled[0] ? { id: disabled[0].id } : null);
  if (taken && taken.id !== exceptId) throw new AppError('MAILBOX_ADDRESS_TAKEN', `${address} is already a mailbox`);
}

export async function createMailbox(ctx: EmailContext, workspaceId: string, input: MailboxInput, actor: Actor): Promise<Mailbox> {
  const address = mailboxAddress(input.address);
  const name = checkName(input.name);
  if (input.teamId) await getTeam(ctx, workspaceId, input.teamId);
  let imap = null;
  let sealed: string | null = null;
  if (input.inbound === 'imap') {
    if (!input.imap) throw new AppError('VALIDATION_FAILED', 'an IMAP mailbox needs its imap settings');
    if (!input.imap.password) throw new AppError('VALIDATION_FAILED', 'an IMAP mailbox needs its password');
    imap = checkImapSettings(input.imap);
    sealed = sealSecret(ctx.hmacKey, passwordPurpose, input.imap.password);
  }
  await assertAddressFree(ctx, address, null);
  return transact(ctx, async (tx) => {
    const mailbox: Mailbox = {
      id: tx.newId(), workspaceId, address, name, teamId: input.teamId ?? null, inbound: input.inbound, imap, hasImapPassword: sealed !== null,
      autoAcknowledge: input.autoAcknowledge ?? false, createdAt: tx.now, updatedAt: tx.now, disabledAt: null,
    };
    try {
      await insertMailbox(tx.sql, mailbox, sealed);
    } catch (error) {
      // Two admins adding one address at once: the unique index decides.
      if (/unique|duplicate/i.test((error as Error).message)) throw new AppError('MAILBOX_ADDRESS_TAKEN', `${address} is already a mailbox`);
      throw error;
    }
    tx.emit({ type: 'email_mailbox.created', workspaceId, subjectType: 'email_mailbox', subjectId: mailbox.id, actor, payload: { address, inbound: mailbox.inbound } });
    return mailbox;
  });
}

export async function changeMailbox(ctx: EmailContext, workspaceId: string, id: string, change: MailboxChange, actor: Actor): Promise<Mailbox> {
  const address = change.address === undefined ? undefined : mailboxAddress(change.address);
  if (address) await assertAddressFree(ctx, address, id);
  if (change.teamId) await getTeam(ctx, workspaceId, change.teamId);
  return transact(ctx, async (tx) => {
    const current = await findMailbox(tx.sql, workspaceId, id, true);
    if (!current) throw new AppError('MAILBOX_NOT_FOUND', 'no such mailbox');
    const inbound = change.inbound ?? current.inbound;
    let imap = current.imap;
    let sealed: string | null | undefined;
    if (inbound === 'imap') {
      if (change.imap) imap = checkImapSettings(change.imap);
      if (change.imap?.password) sealed = sealSecret(ctx.hmacKey, passwordPurpose, change.imap.password);
      if (!imap) throw new AppError('VALIDATION_FAILED', 'an IMAP mailbox needs its imap settings');
      if (!current.hasImapPassword && !sealed) throw new AppError('VALIDATION_FAILED', 'an IMAP mailbox needs its password');
    } else {
      imap = null;
      sealed = current.hasImapPassword ? null : undefined;
    }
    const next: Mailbox = {
      ...current, address: address ?? current.address, name: change.name === undefined ? current.name : checkName(change.name),
      teamId: change.teamId === undefined ? current.teamId : change.teamId, inbound, imap, hasImapPassword: sealed === undefined ? current.hasImapPassword : sealed !== null,
      autoAcknowledge: change.autoAcknowledge ?? current.autoAcknowledge, updatedAt: tx.now,
      disabledAt: change.enabled === undefined ? current.disabledAt : change.enabled ? null : current.disabledAt ?? tx.now,
    };
    await saveMailbox(tx.sql, next, sealed);
    tx.emit({ type: 'email_mailbox.changed', workspaceId, subjectType: 'email_mailbox', subjectId: id, actor, payload: { address: next.address, enabled: next.disabledAt === null } });
    return next;
  });
}

export async function getMailbox(ctx: QueryContext, workspaceId: string, id: string): Promise<Mailbox> {
  const mailbox = await findMailbox(ctx.db, workspaceId, id);
  if (!mailbox) throw new AppError('MAILBOX_NOT_FOUND', 'no such mailbox');
  return mailbox;
}

export async function listMailboxes(ctx: QueryContext, workspaceId: string): Promise<Mailbox[]> {
  return listMailboxRows(ctx.db, workspaceId);
}

/** Every enabled IMAP mailbox of every workspace, with its password opened: what the fetcher runs. */
export async function imapMailboxesToFetch(ctx: EmailContext): Promise<(Mailbox & { imap: NonNullable<Mailbox['imap']>; password: string })[]> {
  const all = await listMailboxRows(ctx.db, null);
  const out = [];
  for (const m of all) {
    if (m.inbound !== 'imap' || !m.imap || m.disabledAt) continue;
    const sealed = await sealedImapPassword(ctx.db, m.id);
    if (!sealed) continue;
    out.push({ ...m, imap: m.imap, password: openSecret(ctx.hmacKey, passwordPurpose, sealed) });
  }
  return out;
}
