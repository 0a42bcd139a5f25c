import { listAvailableAgents, type Agent } from '../../accounts/index.ts';
import { findOrCreateContactIn, getContact, mergeContacts, type Contact } from '../../contacts/index.ts';
import { channelLoad, queuePosition, type ChannelLoad } from '../../conversations/index.ts';
import { AppError } from '../../kernel/index.ts';
import { transact, type CommandContext } from '../../platform/outbox/index.ts';
import type { PubSub } from '../../platform/pubsub/index.ts';
import { getDefaultWorkspace, type Workspace } from '../../workspaces/index.ts';
import { estimateChatWait } from './chat-rules.ts';
import { identitySecret, signVisitorToken, verifyUserHash, verifyVisitorToken, type VisitorClaims } from './visitor-token.ts';

export interface ChatContext extends CommandContext {
  hmacKey: Buffer;
  /** For signals that need no durability (typing), straight between nodes. */
  pubsub: PubSub;
}

export interface SessionInput {
  visitorToken?: string | undefined;
  user?: { id: string; hash: string; name?: string | undefined; email?: string | undefined } | undefined;
  locale?: string | undefined;
}

export interface Availability {
  agentsOnline: number;
  estimatedWaitSeconds: number | null;
  /** Past this predicted wait the widget offers a callback or email instead; null: no offer. */
  offerAfterSeconds: number | null;
}

/** A wait from routing's predictor (src/routing/wait), once connected with `useChatWaitSource`. */
export interface ChatWait {
  predictedSeconds: number | null;
  offerAfterSeconds: number | null;
}
export type ChatWaitSource = (workspaceId: string, about: { conversationId?: string | undefined; language?: string | null | undefined }) => Promise<ChatWait>;
const waitSources = new WeakMap<object, ChatWaitSource>();

/**
 * The app plugs routing's honest-wait predictor in here (`chatWaitSource` of src/routing/wait);
 * chat itself does not depend on routing. Without one, chat falls back to its own rough
 * estimate and never offers a callback.
 */
export function useChatWaitSource(ctx: ChatContext, source: ChatWaitSource): void {
  waitSources.set(ctx, source);
}

export interface VisitorSession {
  visitorToken: string;
  visitorId: string;
  contactId: string;
  workspace: { name: string; languages: string[] };
  availability: Availability;
}

const visitorActor = (visitorId: string) => ({ type: 'contact', id: visitorId }) as const;

export async function chatWorkspace(ctx: ChatContext): Promise<Workspace> {
  const workspace = await getDefaultWorkspace(ctx);
  if (!workspace) throw new AppError('WORKSPACE_NOT_FOUND', 'this Sanad has no workspace yet');
  return workspace;
}

/** The visitor's contact: by their visitor id, or, when the host site vouches for them, by its user id. */
async function contactFor(ctx: ChatContext, workspace: Workspace, visitorId: string, input: SessionInput): Promise<Contact> {
  const visitor = { kind: 'visitor', value: visitorId } as const;
  const anonymous = await transact(ctx, (tx) => findOrCreateContactIn(tx, workspace.id, visitor, { language: input.locale ?? null }, visitorActor(visitorId)));
  if (!input.user) return anonymous;
  if (!verifyUserHash(identitySecret(ctx.hmacKey, workspace.id), input.user.id, input.user.hash)) {
    throw new AppError('IDENTITY_UNVERIFIED', 'the user hash does not match this user id; compute it on your server with the identity secret');
  }
  const { name, email } = input.user;
  const known = await transact(ctx, (tx) =>
    findOrCreateContactIn(tx, workspace.id, { kind: 'external', value: input.user!.id }, {
      name: name ?? null, identities: email ? [{ kind: 'email', value: email }] : [],
    }, visitorActor(visitorId)),
  );
  if (known.id === anonymous.id) return known;
  // What the visitor wrote before signing in joins the known customer's timeline.
  return mergeContacts(ctx, workspace.id, known.id, anonymous.id, { type: 'system' });
}

type AvailabilityInputs = { agents: Agent[]; load: ChannelLoad };
const recentInputs = new WeakMap<ChatContext, Map<string, { until: number; inputs: Promise<AvailabilityInputs> }>>();

/**
 * Online agents and the channel's load, read at most once every few seconds per workspace: every
 * waiting visitor asks after each message, and the answer moves slowly.
 */
function availabilityInputs(ctx: ChatContext, workspaceId: string): Promise<AvailabilityInputs> {
  const now = ctx.clock().getTime();
  let byWorkspace = recentInputs.get(ctx);
  if (!byWorkspace) recentInputs.set(ctx, (byWorkspace = new Map()));
  const cached = byWorkspace.get(workspaceId);
  if (cached && cached.until > now) return cached.inputs;
  const inputs = Promise.all([listAvailableAgents(ctx, workspaceId, 'chat'), channelLoad(ctx, workspaceId, 'chat')]).then(([agents, load]) => ({ agents, load }));
  byWorkspace.set(workspaceId, { until: now + 3000, inputs });
  inputs.catch(() => byWorkspace.delete(workspaceId));
  return inputs;
}

/** Who can help now and how long a new chat would wait; `place` narrows it to one chat in the queue. */
export async function chatAvailability(ctx: ChatContext, workspaceId: string, place?: { conversationId: string; waitingAhead: number }, language?: string | null): Promise<Availability> {
  const { agents, load } = await availabilityInputs(ctx, workspaceId);
  const source = waitSources.get(ctx);
  // A failing predictor must not stop the chat: the rough estimate below stands in for it.
  const wait = source ? await source(workspaceId, { conversationId: place?.conversationId, language }).catch(() => null) : null;
  if (wait) return { agentsOnline: agents.length, estimatedWaitSeconds: wait.predictedSeconds, offerAfterSeconds: wait.offerAfterSeconds };
  const waitingAhead = place?.waitingAhead;
  return {
    agentsOnline: agents.length,
    offerAfterSeconds: null,
    estimatedWaitSeconds: estimateChatWait({
      agents: agents.map((a) => ({ capacity: a.capacity.chat, openChats: load.openByOwner[a.id] ?? 0 })),
      waitingAhead: waitingAhead ?? load.waiting,
      medianHandleSeconds: load.medianHandleSeconds,
      medianFirstResponseSeconds: load.medianFirstResponseSeconds,
    }),
  };
}

/** Starts or continues a visitor: a signed token, the contact behind it, and who is there to help. */
export async function startVisitorSession(ctx: ChatContext, input: SessionInput): Promise<VisitorSession> {
  const workspace = await chatWorkspace(ctx);
  const previous = verifyVisitorToken(ctx.hmacKey, input.visitorToken);
  const claims: VisitorClaims = previous?.workspaceId === workspace.id ? previous : { visitorId: ctx.newId(), workspaceId: workspace.id };
  const contact = await contactFor(ctx, workspace, claims.visitorId, input);
  return {
    visitorToken: signVisitorToken(ctx.hmacKey, claims),
    visitorId: claims.visitorId,
    contactId: contact.id,
    workspace: { name: workspace.name, languages: workspace.settings.supportedLanguages },
    availability: await chatAvailability(ctx, workspace.id, undefined, input.locale ?? contact.language),
  };
}

export interface QueueState extends Availability {
  conversationId: string;
  /** 1 = next to be taken; null = an agent has it. */
  position: number | null;
}

/** Where a visitor's chat stands in the queue, with the wait that follows from it. */
export async function chatQueue(ctx: ChatContext, workspaceId: string, conversationId: string): Promise<QueueState> {
  const position = await queuePosition(ctx, workspaceId, conversationId);
  const availability = await chatAvailability(ctx, workspaceId, position === null ? undefined : { conversationId, waitingAhead: position - 1 });
  return { conversationId, position, ...availability, estimatedWaitSeconds: position === null ? null : availability.estimatedWaitSeconds };
}

/** The visitor behind a token, with the contact their chats belong to (following merges). */
export async function visitorFromToken(ctx: ChatContext, token: string | undefined): Promise<{ claims: VisitorClaims; contact: Contact } | null> {
  const claims = verifyVisitorToken(ctx.hmacKey, token);
  if (!claims) return null;
  const contactId = await transact(ctx, (tx) =>
    findOrCreateContactIn(tx, claims.workspaceId, { kind: 'visitor', value: claims.visitorId }, {}, visitorActor(claims.visitorId)),
  ).then((c) => c.id);
  return { claims, contact: await getContact(ctx, claims.workspaceId, contactId) };
}
