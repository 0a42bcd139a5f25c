import { afterAll } from 'vitest';
import { PgliteDb } from './pglite-db.ts';
import { describeDbContract } from './db.contract.ts';

const engine = await PgliteDb.createEngine();
afterAll(() => engine.close());

describeDbContract('PGlite', (schema) => PgliteDb.open({ engine, schema }));
