import type { StoredEvent } from '../../kernel/index.ts';
import type { CommandContext } from '../../platform/outbox/index.ts';
import type { Unsubscribe } from '../../platform/pubsub/index.ts';
import { postMessage } from '../../conversations/index.ts';
import { getWorkspace } from '../../workspaces/index.ts';
import { writeBrief, type Brief, type BriefLocale } from '../brief/index.ts';
import { readBriefEndpoint } from './brief-endpoint-store.ts';
import { briefNote } from './brief-note-rules.ts';
import { gatherBriefInput } from './gather-brief.ts';

export interface HandoffOptions {
  /** For tests: the endpoint call goes through this fetch. */
  fetch?: typeof fetch;
}

/** The brief of a conversation now: local, or the workspace's endpoint's with the local one as fallback. */
export async function briefFor(ctx: CommandContext, workspaceId: string, conversationId: string, locale: BriefLocale, options: HandoffOptions = {}): Promise<Brief> {
  const input = await gatherBriefInput(ctx, workspaceId, conversationId);
  const endpoint = await readBriefEndpoint(ctx.db, workspaceId);
  return writeBrief(input, { locale, endpoint, ...(options.fetch ? { fetch: options.fetch } : {}) });
}

/**
 * Every transfer carries the brief: an internal note on the timeline, written once per transfer
 * (its client id is the event's, so a repeated delivery adds nothing).
 */
export async function attachBriefToTransfer(ctx: CommandContext, event: StoredEvent, options: HandoffOptions = {}): Promise<void> {
  const payload = event.payload as { transfer?: boolean };
  if (event.type !== 'conversation.assigned' || !payload.transfer || !event.workspaceId) return;
  const workspace = await getWorkspace(ctx, event.workspaceId);
  const locale: BriefLocale = workspace.settings.defaultLanguage === 'ar' ? 'ar' : 'en';
  const brief = await briefFor(ctx, event.workspaceId, event.subjectId, locale, options);
  await postMessage(ctx, event.workspaceId, event.subjectId, { kind: 'note', body: briefNote(brief, locale), clientId: `brief:${event.id}` }, { type: 'system' });
}

export async function startBriefsOnTransfer(ctx: CommandContext, onError: (error: unknown) => void, options: HandoffOptions = {}): Promise<Unsubscribe> {
  return ctx.bus.subscribe(async (event) => {
    if (event.type === 'conversation.assigned') await attachBriefToTransfer(ctx, event, options).catch(onError);
  });
}
