export { conversationMigrations } from './migrations.ts';
export {
  assertTransferReason, channels, conversationStatuses, decideMessageEffects, isTransfer, decideStatusChange, messageKinds, normalizeTags, priorities,
  type Channel, type ConversationStatus, type MessageKind, type Priority,
} from './conversation-rules.ts';
export type { ChannelLoad, Conversation, Message } from './conversation-store.ts';
export {
  assignConversation, changeConversation, changeStatus, startConversation, type AssignmentInput, type ConversationChange, type NewConversationInput,
} from './conversation-commands.ts';
export { postMessage, type AppendResult, type MessageInput } from './message-commands.ts';
export { channelLoad, getConversation, queuePosition, listConversations, listMessages, type ConversationQuery, type MessageQuery } from './conversation-queries.ts';
export { conversationRoutes, ConversationView, MessageView } from './conversation-routes.ts';
