import type { Sql } from '../../platform/db/index.ts';

export interface ImapSettings {
  host: string;
  port: number;
  /** Implicit TLS (993); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string;
  folder: string;
  pollMs: number;
}

export interface Mailbox {
  id: string;
  workspaceId: string;
  address: string;
  name: string;
  teamId: string | null;
  inbound: 'smtp' | 'imap';
  imap: ImapSettings | null;
  hasImapPassword: boolean;
  autoAcknowledge: boolean;
  createdAt: Date;
  updatedAt: Date;
  disabledAt: Date | null;
}

interface MailboxRow extends Record<string, unknown> {
  id: string; workspace_id: string; address: string; name: string; team_id: string | null; inbound: 'smtp' | 'imap';
  imap: ImapSettings | null; imap_password_sealed: string | null; auto_acknowledge: boolean; created_at: Date; updated_at: Date; disabled_at: Date | null;
}

const toMailbox = (r: MailboxRow): Mailbox => ({
  id: r.id, workspaceId: r.workspace_id, address: r.address, name: r.name, teamId: r.team_id, inbound: r.inbound, imap: r.imap,
  hasImapPassword: r.imap_password_sealed !== null, autoAcknowledge: r.auto_acknowledge, createdAt: r.created_at, updatedAt: r.updated_at, disabledAt: r.disabled_at,
});

export async function insertMailbox(sql: Sql, m: Mailbox, sealedPassword: string | null): Promise<void> {
  await sql.query(
    `insert into email_mailboxes (id, workspace_id, address, name, team_id, inbound, imap, imap_password_sealed, auto_acknowledge, created_at, updated_at, disabled_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [m.id, m.workspaceId, m.address, m.name, m.teamId, m.inbound, m.imap, sealedPassword, m.autoAcknowledge, m.createdAt, m.updatedAt, m.disabledAt],
  );
}

/** Saves everything but the password, which changes only when `sealedPassword` is given. */
export async function saveMailbox(sql: Sql, m: Mailbox, sealedPassword?: string | null): Promise<void> {
  await sql.query(
    `update email_mailboxes set address = $2, name = $3, team_id = $4, inbound = $5, imap = $6, auto_acknowledge = $7, updated_at = $8, disabled_at = $9
       ${sealedPassword === undefined ? '' : ', imap_password_sealed = $10'}
     where id = $1`,
    [m.id, m.address, m.name, m.teamId, m.inbound, m.imap, m.autoAcknowledge, m.updatedAt, m.disabledAt, ...(sealedPassword === undefined ? [] : [sealedPassword])],
  );
}

export async function findMailbox(sql: Sql, workspaceId: string, id: string, forUpdate = false): Promise<Mailbox | null> {
  const rows = await sql.query<MailboxRow>(`select * from email_mailboxes where workspace_id = $1 and id = $2${forUpdate ? ' for update' : ''}`, [workspaceId, id]);
  return rows[0] ? toMailbox(rows[0]) : null;
}

/** The enabled mailbox for an address in any workspace: the SMTP listener's recipient check. */
export async function findMailboxByAddress(sql: Sql, address: string): Promise<Mailbox | null> {
  const rows = await sql.query<MailboxRow>('select * from email_mailboxes where address = $1 and disabled_at is null', [address]);
  return rows[0] ? toMailbox(rows[0]) : null;
}

export async function listMailboxRows(sql: Sql, workspaceId: string | null): Promise<Mailbox[]> {
  const rows = workspaceId === null
    ? await sql.query<MailboxRow>('select * from email_mailboxes order by created_at, id')
    : await sql.query<MailboxRow>('select * from email_mailboxes where workspace_id = $1 order by created_at, id', [workspaceId]);
  return rows.map(toMailbox);
}

export async function sealedImapPassword(sql: Sql, id: string): Promise<string | null> {
  const rows = await sql.query<{ imap_password_sealed: string | null }>('select imap_password_sealed from email_mailboxes where id = $1', [id]);
  return rows[0]?.imap_password_sealed ?? null;
}
