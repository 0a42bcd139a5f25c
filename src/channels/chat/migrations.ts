import type { Migration } from '../../platform/db/index.ts';

export const chatMigrations: Migration[] = [
  {
    // When each agent's console was last seen connected (on any node), so an agent who closed the
    // console is not handed new chats as if still there.
    id: '20261123_1340_agent_presence',
    sql: `
      create table agent_presence (
        agent_id uuid primary key,
        workspace_id uuid not null,
        last_seen_at timestamptz not null
      );
    `,
  },
];
