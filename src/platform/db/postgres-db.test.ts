import { describe, it } from 'vitest';
import { PostgresDb } from './postgres-db.ts';
import { describeDbContract } from './db.contract.ts';

const url = process.env.DATABASE_URL;

if (url) {
  describeDbContract('PostgreSQL', (schema) => PostgresDb.open({ url, schema, maxConnections: 4 }));
} else {
  describe('Db contract: PostgreSQL', () => {
    it.skip('runs when DATABASE_URL is set', () => {});
  });
}
