import pg from 'pg';

const name = process.argv[2];
if (name && /^sanad_ci_[a-z0-9_]+$/.test(name)) {
  const admin = new pg.Client({ connectionString: `${process.env.CI_PG_BASE ?? 'postgres://root@127.0.0.1:5432'}/postgres` });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
