/**
 * A chat visitor asks for a call instead of waiting. The chat module checks the visitor and that
 * the chat named is theirs, then calls this (the app joins them: chat cannot import routing).
 * Decision: the call is its own conversation on the 'callback' channel, for the visitor's own
 * contact, linked to the chat (source_conversation_id); chat shows the confirmation and parks the
 * chat out of the queue.
 */
import type { CommandContext } from '../../platform/outbox/index.ts';
import { confirmationText } from './callback-rules.ts';
import { createCallback } from './callback-commands.ts';

export interface VisitorCallbackRequest {
  workspaceId: string;
  contactId: string;
  phone: string;
  windowStart: Date;
  windowEnd: Date;
  timeZone: string;
  note?: string | undefined;
  /** The visitor's chat, already checked to be theirs. */
  chat: { id: string; teamId: string | null; language: string | null } | null;
  language: string | null;
  /** For the confirmation's wording. */
  locale: string;
}

export function visitorCallbackScheduler(ctx: CommandContext) {
  return async (r: VisitorCallbackRequest) => {
    const callback = await createCallback(ctx, r.workspaceId, {
      contactId: r.contactId, phone: r.phone, windowStart: r.windowStart, windowEnd: r.windowEnd, timeZone: r.timeZone, note: r.note,
      teamId: r.chat?.teamId ?? null, language: r.chat?.language ?? r.language, sourceConversationId: r.chat?.id ?? null,
    }, { type: 'contact', id: r.contactId });
    return {
      callbackId: callback.id, conversationId: callback.conversationId, phone: callback.phone, windowStart: callback.windowStart, windowEnd: callback.windowEnd,
      timeZone: callback.timeZone, status: callback.status, confirmation: confirmationText(r.locale, callback, ctx.clock()),
    };
  };
}
