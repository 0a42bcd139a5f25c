import type { FastifyInstance, FastifyRequest } from 'fastify';
import websocket from '@fastify/websocket';
import { getAgent } from '../../accounts/index.ts';
import type { Principal } from '../../kernel/index.ts';
import { AgentSocket } from './agent-socket.ts';
import { hardFrameLimitBytes } from './chat-frames.ts';
import { ChatHub } from './chat-hub.ts';
import { visitorFromToken, type ChatContext } from './chat-session.ts';
import { messageViews } from './message-view.ts';
import { VisitorSocket } from './visitor-socket.ts';

export interface GatewayOptions {
  ctx: ChatContext;
  authenticate(request: FastifyRequest): Promise<Principal | null>;
  trustedOrigins: readonly string[];
  heartbeatMs?: number;
}

const refuse = (code: string, message: string) => ({ error: { code, message } });

/**
 * The WebSocket endpoints: /ws/chat for visitors (visitor token) and /ws/agent for agents
 * (session cookie, own Origin). Both are refused before the upgrade when not allowed.
 */
export async function registerChatGateway(app: FastifyInstance, options: GatewayOptions): Promise<ChatHub> {
  const { ctx } = options;
  const hub = new ChatHub({ ctx, view: messageViews(ctx), log: (error: unknown, context: string) => app.log.error({ err: error }, context) });
  const deps = hub.socketDeps;
  await hub.start(options.heartbeatMs);
  app.addHook('onClose', async () => hub.stop());
  await app.register(websocket, { options: { maxPayload: hardFrameLimitBytes } });

  app.get('/ws/chat', {
    websocket: true,
    schema: { hide: true },
    preValidation: async (request, reply) => {
      const token = (request.query as { token?: string }).token;
      const visitor = await visitorFromToken(ctx, token);
      if (!visitor) return reply.code(401).send(refuse('UNAUTHENTICATED', 'open the socket with the visitorToken from POST /api/v1/chat/session'));
      (request as FastifyRequest & { visitor?: typeof visitor }).visitor = visitor;
    },
  }, (socket, request) => {
    const { claims, contact } = (request as FastifyRequest & { visitor: NonNullable<Awaited<ReturnType<typeof visitorFromToken>>> }).visitor;
    const visitor = new VisitorSocket(socket, deps, claims, contact);
    const remove = hub.addVisitor(visitor);
    socket.on('close', remove);
    visitor.start().catch((error: unknown) => deps.log(error, 'visitor socket start'));
  });

  app.get('/ws/agent', {
    websocket: true,
    schema: { hide: true },
    preValidation: async (request, reply) => {
      const origin = request.headers.origin;
      const own = `${request.protocol}://${request.host}`;
      if (origin && origin !== own && !options.trustedOrigins.includes(origin)) {
        return reply.code(403).send(refuse('CSRF_REJECTED', 'this socket may be opened only from Sanad\'s own pages'));
      }
      const principal = await options.authenticate(request);
      if (!principal || principal.kind !== 'agent') return reply.code(401).send(refuse('UNAUTHENTICATED', 'sign in to open the agent socket'));
      request.principal = principal;
    },
  }, (socket, request) => {
    const principal = request.principal as Extract<Principal, { kind: 'agent' }>;
    // Built synchronously: ws drops frames that arrive before a 'message' listener exists.
    const name = () => getAgent(ctx, principal.workspaceId, principal.agentId).then((agent) => agent.name);
    const agentSocket = new AgentSocket(socket, deps, principal.workspaceId, { id: principal.agentId, name });
    const remove = hub.addAgent(agentSocket);
    socket.on('close', remove);
    agentSocket.start();
  });
  return hub;
}
