import type { Sql } from '../../platform/db/index.ts';
import type { BriefEndpoint } from '../brief/index.ts';

export async function readBriefEndpoint(sql: Sql, workspaceId: string): Promise<Required<BriefEndpoint> | null> {
  const rows = await sql.query('select * from brief_endpoints where workspace_id = $1', [workspaceId]);
  const r = rows[0];
  return r ? { baseUrl: r.base_url as string, model: r.model as string, apiKey: r.api_key as string, timeoutMs: Number(r.timeout_ms) } : null;
}

export async function saveBriefEndpoint(sql: Sql, workspaceId: string, endpoint: Required<BriefEndpoint>, at: Date): Promise<void> {
  await sql.query(
    `insert into brief_endpoints (workspace_id, base_url, model, api_key, timeout_ms, updated_at) values ($1, $2, $3, $4, $5, $6)
     on conflict (workspace_id) do update set base_url = excluded.base_url, model = excluded.model, api_key = excluded.api_key,
       timeout_ms = excluded.timeout_ms, updated_at = excluded.updated_at`,
    [workspaceId, endpoint.baseUrl, endpoint.model, endpoint.apiKey, endpoint.timeoutMs, at],
  );
}

export async function removeBriefEndpoint(sql: Sql, workspaceId: string): Promise<void> {
  await sql.query('delete from brief_endpoints where workspace_id = $1', [workspaceId]);
}
