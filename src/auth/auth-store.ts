import type { Actor, Scope } from '../kernel/index.ts';
import type { Sql } from '../platform/db/index.ts';

export interface SessionRecord {
  id: string;
  createdAt: Date;
  workspaceId: string;
  agentId: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface ApiToken {
  id: string;
  workspaceId: string;
  name: string;
  scopes: Scope[];
  createdBy: Actor;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export async function findPasswordHash(sql: Sql, agentId: string): Promise<string | null> {
  const rows = await sql.query<{ password_hash: string }>('select password_hash from auth_credentials where agent_id = $1', [agentId]);
  return rows[0]?.password_hash ?? null;
}

export async function upsertPasswordHash(sql: Sql, agentId: string, hash: string, at: Date): Promise<void> {
  await sql.query(
    `insert into auth_credentials (agent_id, password_hash, updated_at) values ($1, $2, $3)
     on conflict (agent_id) do update set password_hash = excluded.password_hash, updated_at = excluded.updated_at`,
    [agentId, hash, at],
  );
}

export async function insertSession(sql: Sql, s: SessionRecord & { tokenHash: string; userAgent: string | null; createdAt: Date }): Promise<void> {
  await sql.query(
    `insert into auth_sessions (id, token_hash, workspace_id, agent_id, csrf_token, user_agent, created_at, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [s.id, s.tokenHash, s.workspaceId, s.agentId, s.csrfToken, s.userAgent, s.createdAt, s.expiresAt],
  );
}

export async function findLiveSession(sql: Sql, tokenHash: string, now: Date): Promise<SessionRecord | null> {
  const rows = await sql.query<{ id: string; workspace_id: string; agent_id: string; csrf_token: string; created_at: Date; expires_at: Date }>(
    'select * from auth_sessions where token_hash = $1 and revoked_at is null and expires_at > $2',
    [tokenHash, now],
  );
  const r = rows[0];
  return r ? { id: r.id, createdAt: r.created_at, workspaceId: r.workspace_id, agentId: r.agent_id, csrfToken: r.csrf_token, expiresAt: r.expires_at } : null;
}

export async function revokeSession(sql: Sql, id: string, at: Date): Promise<void> {
  await sql.query('update auth_sessions set revoked_at = $2 where id = $1 and revoked_at is null', [id, at]);
}

export async function revokeAgentSessions(sql: Sql, agentId: string, at: Date, exceptId: string | null): Promise<void> {
  await sql.query('update auth_sessions set revoked_at = $2 where agent_id = $1 and revoked_at is null and ($3::uuid is null or id <> $3)', [agentId, at, exceptId]);
}

export async function recordLoginAttempt(sql: Sql, email: string, ip: string, succeeded: boolean, at: Date): Promise<void> {
  await sql.query('insert into auth_login_attempts (email, ip, succeeded, at) values ($1, $2, $3, $4)', [email, ip, succeeded, at]);
}

export interface FailureCounts {
  byEmail: number;
  byIp: number;
  oldestByEmail: Date | null;
  oldestByIp: Date | null;
}

export async function countFailures(sql: Sql, email: string, ip: string, since: Date): Promise<FailureCounts> {
  const rows = await sql.query<{ by_email: number; by_ip: number; oldest_by_email: Date | null; oldest_by_ip: Date | null }>(
    `select count(*) filter (where email = $1)::int as by_email, count(*) filter (where ip = $2)::int as by_ip,
            min(at) filter (where email = $1) as oldest_by_email, min(at) filter (where ip = $2) as oldest_by_ip
     from auth_login_attempts where not succeeded and at > $3 and (email = $1 or ip = $2)`,
    [email, ip, since],
  );
  const r = rows[0];
  return { byEmail: r?.by_email ?? 0, byIp: r?.by_ip ?? 0, oldestByEmail: r?.oldest_by_email ?? null, oldestByIp: r?.oldest_by_ip ?? null };
}

interface TokenRow extends Record<string, unknown> {
  id: string; workspace_id: string; name: string; scopes: Scope[]; created_by: Actor; created_at: Date;
  expires_at: Date | null; last_used_at: Date | null; revoked_at: Date | null;
}

const toToken = (r: TokenRow): ApiToken => ({
  id: r.id, workspaceId: r.workspace_id, name: r.name, scopes: r.scopes, createdBy: r.created_by, createdAt: r.created_at,
  expiresAt: r.expires_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at,
});

export async function insertToken(sql: Sql, t: ApiToken, tokenHash: string): Promise<void> {
  await sql.query(
    `insert into api_tokens (id, workspace_id, name, token_hash, scopes, created_by, created_at, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [t.id, t.workspaceId, t.name, tokenHash, t.scopes, t.createdBy, t.createdAt, t.expiresAt],
  );
}

export async function findUsableToken(sql: Sql, tokenHash: string, now: Date): Promise<ApiToken | null> {
  const rows = await sql.query<TokenRow>(
    'select * from api_tokens where token_hash = $1 and revoked_at is null and (expires_at is null or expires_at > $2)',
    [tokenHash, now],
  );
  return rows[0] ? toToken(rows[0]) : null;
}

/** At most one write a minute per token, not one per request. */
export async function touchToken(sql: Sql, id: string, now: Date): Promise<void> {
  await sql.query(
    `update api_tokens set last_used_at = $2 where id = $1 and (last_used_at is null or last_used_at < $2::timestamptz - interval '1 minute')`,
    [id, now],
  );
}

export async function listTokenRows(sql: Sql, workspaceId: string, after: [string, string] | null, limit: number): Promise<ApiToken[]> {
  const rows = await sql.query<TokenRow>(
    `select * from api_tokens where workspace_id = $1 and ($2::timestamptz is null or (created_at, id) < ($2, $3::uuid))
     order by created_at desc, id desc limit $4`,
    [workspaceId, after?.[0] ?? null, after?.[1] ?? null, limit],
  );
  return rows.map(toToken);
}

export async function revokeTokenRow(sql: Sql, workspaceId: string, id: string, at: Date): Promise<ApiToken | null> {
  const rows = await sql.query<TokenRow>(
    'update api_tokens set revoked_at = coalesce(revoked_at, $3) where workspace_id = $1 and id = $2 returning *',
    [workspaceId, id, at],
  );
  return rows[0] ? toToken(rows[0]) : null;
}
