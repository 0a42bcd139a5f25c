import type { Migration } from '../../platform/db/index.ts';

export const readingMigrations: Migration[] = [
  {
    id: '20261123_0700_triage_readings',
    sql: `
      create table triage_readings (
        message_id uuid primary key,
        workspace_id uuid not null,
        conversation_id uuid not null,
        seq bigint not null,
        language text not null,
        dialect text,
        mixed boolean not null,
        language_confidence real not null,
        intent text,
        intent_confidence real,
        facts jsonb not null,
        read_at timestamptz not null
      );
      create index triage_readings_conversation on triage_readings (conversation_id, seq);
    `,
  },
  {
    id: '20261123_0930_reading_mood',
    sql: `
      alter table triage_readings
        add column sentiment text,
        add column sentiment_score real,
        add column urgency text,
        add column urgency_score integer,
        add column urgency_reasons text[] not null default '{}';
    `,
  },
];
