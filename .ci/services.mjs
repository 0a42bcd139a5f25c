// Finds the PostgreSQL and Redis that CI machines run on 127.0.0.1, creates a fresh database for
// this run, and prints shell `export` lines for the ones that answer. Silent about what is absent.
import pg from 'pg';
import { Redis } from 'ioredis';

const lines = [];
const pgBase = process.env.CI_PG_BASE ?? 'postgres://root@127.0.0.1:5432';
try {
  const admin = new pg.Client({ connectionString: `${pgBase}/postgres`, connectionTimeoutMillis: 3000 });
  await admin.connect();
  const name = `sanad_ci_${Date.now().toString(36)}_${process.pid}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  lines.push(`export DATABASE_URL=${pgBase}/${name}`, `export SANAD_CI_DATABASE=${name}`);
} catch (error) {
  console.error(`PostgreSQL not reachable at ${pgBase} (${error.message}); its suites will be skipped`);
}
try {
  const redis = new Redis('redis://127.0.0.1:6379', { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  await redis.connect();
  if ((await redis.ping()) === 'PONG') lines.push('export REDIS_URL=redis://127.0.0.1:6379');
  redis.disconnect();
} catch (error) {
  console.error(`Redis not reachable at 127.0.0.1:6379 (${error.message}); its suites will be skipped`);
}
console.log(lines.join('\n'));
