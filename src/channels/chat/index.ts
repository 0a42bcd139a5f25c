export { chatRoutes } from './chat-routes.ts';
export { chatOfferRoutes, type ScheduleVisitorCallback, type VisitorCallbackRequest } from './chat-offer-routes.ts';
export { registerChatGateway, type GatewayOptions } from './chat-gateway.ts';
export { startVisitorSession, useChatWaitSource, type ChatContext, type ChatWait, type ChatWaitSource, type VisitorSession } from './chat-session.ts';
export { identitySecret, signVisitorToken, verifyVisitorToken } from './visitor-token.ts';
export { admitSend, estimateChatWait, visitorRateLimit } from './chat-rules.ts';
export { chatMigrations } from './migrations.ts';
export { presenceGraceMs, sweepPresence, touchPresence } from './presence.ts';
