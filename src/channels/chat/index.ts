export { chatRoutes } from './chat-routes.ts';
export { registerChatGateway, type GatewayOptions } from './chat-gateway.ts';
export { startVisitorSession, type ChatContext, type VisitorSession } from './chat-session.ts';
export { identitySecret, signVisitorToken, verifyVisitorToken } from './visitor-token.ts';
export { admitSend, estimateChatWait, visitorRateLimit } from './chat-rules.ts';
