import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { AppContext } from './app.ts';
import type { Config } from './config.ts';
import { seedDemoWorkspace, type DemoCredentials } from './demo/index.ts';
import { allMigrations } from './migrations.ts';
import { migrate, openDb, type Db } from './platform/db/index.ts';
import { uuidv7 } from './platform/ids/index.ts';
import { EventBus } from './platform/outbox/index.ts';
import { MemoryPubSub, RedisPubSub, type PubSub } from './platform/pubsub/index.ts';
import { loadOrCreateSecrets } from './platform/secrets/index.ts';

export interface Runtime {
  ctx: AppContext;
  pubsub: PubSub;
  close(): Promise<void>;
}

/** Composition root: config → adapters → the context every command runs in. */
export async function openRuntime(config: Config): Promise<Runtime> {
  const secrets = loadOrCreateSecrets(config.dataDir);
  const db: Db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(db, allMigrations);
    const pubsub: PubSub = config.redisUrl ? await RedisPubSub.connect(config.redisUrl) : new MemoryPubSub();
    const clock = () => new Date();
    const bus = new EventBus({
      db, pubsub, clock,
      onHandlerError: (error, event) => console.error(`event handler failed for ${event?.type ?? 'an unreadable event'}:`, error),
      onPublishError: (error, events) => console.error(`announcing ${events.length} event(s) failed; the relay will retry:`, error),
    });
    const ctx: AppContext = { db, clock, newId: () => uuidv7(), bus, pubsub, sessionKey: secrets.sessionKey, hmacKey: secrets.hmacKey };
    return {
      ctx,
      pubsub,
      async close() {
        await pubsub.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

export interface RunningSanad {
  app: FastifyInstance;
  url: string;
  demo: DemoCredentials | null;
  stop(): Promise<void>;
}

/** Starts every role in this process: the web server and the outbox relay. */
export async function startSanad(config: Config, options: { log?: (line: string) => void } = {}): Promise<RunningSanad> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const runtime = await openRuntime(config);
  const app = await buildApp({
    ctx: runtime.ctx,
    trustedOrigins: config.trustedOrigins,
    secureCookies: config.secureCookies,
    logger: config.logLevel === 'silent' ? false : config.logLevel,
    email: {
      smtp: config.email.smtpPort === null ? null : {
        port: config.email.smtpPort, host: config.email.smtpHost, maxBytes: config.email.smtpMaxBytes,
        tls: config.email.smtpTls ? { cert: readFileSync(config.email.smtpTls.certFile), key: readFileSync(config.email.smtpTls.keyFile) } : null,
      },
      relay: config.email.relayUrl,
      imap: config.email.imapFetch,
    },
  });
  // After the app: its subscribers (triage among them) hear the demo's first messages.
  const demo = await seedDemoWorkspace(runtime.ctx, { adminEmail: config.demoAdmin.email, adminPassword: config.demoAdmin.password });
  // The database is the truth; this timer only retries announcements a crash may have skipped.
  await runtime.ctx.bus.republishStale(0).catch(() => 0);
  const relay = setInterval(() => void runtime.ctx.bus.republishStale().catch(() => 0), 5000);
  relay.unref();
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.publicUrl ?? `http://localhost:${port}`;
  log(`Sanad is running at ${url}`);
  log(`  console: ${url}/console   API: ${url}/api/v1   OpenAPI: ${url}/api/openapi.json`);
  if (app.emailSmtpPort !== null) log(`  email: SMTP listener on port ${app.emailSmtpPort}${config.email.smtpTls ? ' (STARTTLS)' : ''}`);
  log(`  storage: ${config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`}${config.redisUrl ? ', pub/sub: Redis' : ''}`);
  if (demo) {
    log('  A demo workspace was created. Sign in as the admin:');
    log(`    email:    ${demo.adminEmail}`);
    log(`    password: ${demo.adminPassword}`);
    log('  (shown once; set another with `sanad agent password`)');
  }
  return {
    app,
    url,
    demo,
    async stop() {
      clearInterval(relay);
      await app.close();
      await runtime.close();
    },
  };
}
