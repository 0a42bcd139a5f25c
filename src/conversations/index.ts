export { conversationMigrations } from './migrations.ts';
export {
  assertTransferReason, channels, conversationStatuses, decideMessageEffects, isTransfer, decideStatusChange, messageKinds, normalizeTags, priorities,
  type Channel, type ConversationStatus, type MessageKind, type Priority,
} from './conversation-rules.ts';
export { mergeReading, sentiments, urgencies, type ConversationReading, type IntentSource, type ReadingChange, type Sentiment, type Urgency } from './reading-rules.ts';
export type { ChannelLoad, Conversation, Message } from './conversation-store.ts';
export {
  addLineIn, assignConversation, loadForUpdate, startConversationIn, assignConversationIn, assignmentNames, changeConversation, changeConversationIn, changeStatus, recordReadingIn, startConversation, type AssignmentNames, type AssignmentInput, type ConversationChange, type NewConversationInput,
} from './conversation-commands.ts';
export { appendMessageIn, postMessage, type AppendResult, type InboundFile, type MessageInput } from './message-commands.ts';
export { channelLoad, getConversation, getMessageBySeq, queuePosition, listConversations, listMessages, type ConversationQuery, type MessageQuery } from './conversation-queries.ts';
export { AttachmentView, conversationRoutes, ConversationView, MessageView } from './conversation-routes.ts';
export { attachmentRoutes, sendAttachment, UploadQuery, uploadErrors } from './attachment-routes.ts';
export { readAttachment, uploadAttachment, type AttachmentFile, type UploadInput } from './attachment-commands.ts';
export { attachmentTypes, maxAttachmentBytes, sniffAttachmentType } from './attachment-rules.ts';
export type { AttachmentMeta } from './attachment-store.ts';
export { claimWaitingIn, listWaitingConversations, ownerLoads, previousOwners, type ClaimInput } from './routing-support.ts';
