import Fastify, { LogController, type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import { accountRoutes } from './accounts/index.ts';
import { authenticateRequest, authRoutes, pruneAuth, type AuthContext } from './auth/index.ts';
import { chatOfferRoutes, chatRoutes, registerChatGateway, useChatWaitSource, type ChatContext } from './channels/chat/index.ts';
import { emailJobHandlers, emailRoutes, startEmail, type EmailOptions } from './channels/email/index.ts';
import { contactRoutes } from './contacts/index.ts';
import { attachmentRoutes, attachmentTypes, conversationRoutes, maxAttachmentBytes } from './conversations/index.ts';
import { installErrorHandling, registerRoutes, validatorCompiler, type RouteDef } from './http/index.ts';
import { allMigrations } from './migrations.ts';
import { pruneFinishedJobs, startJobs, startPeriodic } from './platform/jobs/index.ts';
import { systemRoutes, welcomePage } from './system/index.ts';
import {
  callbackRoutes, chatWaitSource, RoutingEngine, routingEngineRoutes, routingPreparationOf, routingRulesRoutes, startRoutingRules, startWaitTracking,
  sweepMissedCallbacks, transferRoutes, visitorCallbackScheduler, waitRoutes,
} from './routing/index.ts';
import { startTriage, triageRoutes } from './triage/index.ts';
import { slaRoutes, startSla, type SlaOptions } from './sla/index.ts';
import { serveWeb } from './web/index.ts';
import { workspaceRoutes } from './workspaces/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The port Sanad's SMTP listener took (when it runs): tests and the start-up banner read it. */
    emailSmtpPort: number | null;
  }
}

/** Everything the app's commands need. */
export type AppContext = AuthContext & ChatContext;

export interface AppOptions {
  ctx: AppContext;
  /** Origins besides the server's own allowed to send cookie-authenticated writes. */
  trustedOrigins?: readonly string[];
  /** Mark cookies Secure even when TLS ends at a proxy in front of Sanad. */
  secureCookies?: boolean;
  /** A pino level ('info', 'debug'…), or false for none. Requests are logged only at 'debug'. */
  logger?: string | false;
  bodyLimitBytes?: number;
  /** Serve the built console and widget (default true). */
  serveWeb?: boolean;
  /** Background retraining of intent models (tests slow it down or speed it up). */
  triage?: { retrainDelayMs?: number };
  /** Hand out waiting work automatically (default true; most tests turn it off to watch queues). */
  routing?: { auto?: boolean; tickMs?: number };
  /** Email: Sanad's own SMTP listener and the relay replies go out through. */
  email?: EmailOptions;
  /** The durable job queue's runner on this node (default on; pollMs for tests). */
  jobs?: { auto?: boolean; pollMs?: number };
  /** SLA clocks and the scheduler's sweep (sweepMs 0: tests sweep by hand). */
  sla?: SlaOptions;
}

/** Every route the HTTP API serves, with its declared access (the role walk test reads this too). */
export function apiRoutes(options: AppOptions): RouteDef[] {
  const { ctx } = options;
  return [
    ...systemRoutes(ctx, allMigrations),
    ...authRoutes(ctx, { secureCookies: options.secureCookies ?? false }),
    ...workspaceRoutes(ctx),
    ...accountRoutes(ctx),
    ...contactRoutes(ctx),
    ...conversationRoutes(ctx),
    ...attachmentRoutes(ctx),
    ...chatRoutes(ctx),
    ...triageRoutes(ctx),
    ...routingEngineRoutes(ctx, { preparationOf: (workspaceId, ids) => routingPreparationOf(ctx.db, workspaceId, ids) }),
    ...routingRulesRoutes(ctx),
    ...transferRoutes(ctx),
    ...waitRoutes(ctx),
    ...callbackRoutes(ctx),
    ...chatOfferRoutes(ctx, visitorCallbackScheduler(ctx)),
    ...emailRoutes(ctx),
    ...slaRoutes(ctx),
  ];
}

/** The HTTP app without listening: `main.ts` listens, tests use `inject`. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: options.logger } : false,
    // Requests are logged only at 'debug' (the top-level disableRequestLogging is deprecated).
    logController: new LogController({ disableRequestLogging: options.logger !== 'debug' }),
    bodyLimit: options.bodyLimitBytes ?? 1024 * 1024,
    trustProxy: true,
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  // Uploads arrive as raw bytes; their routes check what the bytes really are.
  app.addContentTypeParser([...attachmentTypes, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: maxAttachmentBytes + 1 }, (_request, body, done) => done(null, body));
  installErrorHandling(app);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Sanad API', version: '1', description: 'Customer support desk. Errors are `{ "error": { "code", "message" } }`; lists are paginated by cursor.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sanad_session' },
          token: { type: 'http', scheme: 'bearer', description: 'An API token from `sanad token create` or POST /api/v1/tokens' },
        },
      },
    },
  });

  const authenticate = (request: FastifyRequest) => authenticateRequest(options.ctx, request);
  registerRoutes(app, apiRoutes(options), { authenticate, trustedOrigins: options.trustedOrigins ?? [] });
  await registerChatGateway(app, { ctx: options.ctx, authenticate, trustedOrigins: options.trustedOrigins ?? [] });
  useChatWaitSource(options.ctx, chatWaitSource(options.ctx));
  const stopWaitTracking = await startWaitTracking(options.ctx, (error) => app.log.error({ err: error }, 'wait tracking'));
  app.addHook('onClose', async () => stopWaitTracking());
  // Callbacks whose window has passed are marked missed, by one node at a time (each is marked once anyway).
  const sweep = startPeriodic(options.ctx, {
    name: 'callbacks.missed', everyMs: 60_000, runAtStart: false,
    task: async () => void (await sweepMissedCallbacks(options.ctx, options.ctx.clock())),
    onError: (error) => app.log.error({ err: error }, 'callbacks'),
  });
  app.addHook('onClose', async () => sweep.stop());
  const triage = await startTriage(options.ctx, { ...options.triage, onError: (error) => app.log.error({ err: error }, 'triage') });
  app.addHook('onClose', async () => triage.stop());
  const stopRoutingRules = await startRoutingRules(options.ctx, { onError: (error) => app.log.error({ err: error }, 'routing rules') });
  app.addHook('onClose', async () => stopRoutingRules());
  if (options.routing?.auto ?? true) {
    const routing = new RoutingEngine(options.ctx, {
      tickMs: options.routing?.tickMs, onError: (error) => app.log.error({ err: error }, 'routing'),
      preparationOf: (workspaceId, ids) => routingPreparationOf(options.ctx.db, workspaceId, ids),
    });
    await routing.start();
    app.addHook('onClose', async () => routing.stop());
  }

  const sla = await startSla(options.ctx, { ...options.sla, onError: (error) => app.log.error({ err: error }, 'sla') });
  app.addHook('onClose', async () => sla.stop());
  const email = await startEmail(options.ctx, { ...options.email, onError: (error) => app.log.error({ err: error }, 'email') });
  app.addHook('onClose', async () => email.stop());
  app.decorate('emailSmtpPort', email.smtpPort);
  if (options.jobs?.auto ?? true) {
    const jobs = startJobs(options.ctx, {
      handlers: { ...emailJobHandlers(options.ctx, options.email?.relay) },
      pollMs: options.jobs?.pollMs,
      // A node that dies mid-job hands it on after this long (renewed every 10 s while running).
      leaseMs: 30_000,
      onError: (error) => app.log.error({ err: error }, 'jobs'),
      onFailure: (error, job) => app.log.warn({ err: error, queue: job.queue, attempt: job.attempt }, 'job failed'),
      onDead: (job) => app.log.error({ queue: job.queue, id: job.id, err: job.lastError }, 'job dead'),
    });
    app.addHook('onClose', async () => jobs.stop());
    // Old sign-in attempts, ended sessions and finished jobs, pruned by one node at a time.
    const housekeeping = startPeriodic(options.ctx, {
      name: 'housekeeping', everyMs: 10 * 60_000,
      task: async () => {
        await pruneAuth(options.ctx);
        await pruneFinishedJobs(options.ctx);
      },
      onError: (error) => app.log.error({ err: error }, 'housekeeping'),
    });
    app.addHook('onClose', async () => housekeeping.stop());
  }

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(welcomePage));
  if (options.serveWeb !== false) await serveWeb(app);
  return app;
}
