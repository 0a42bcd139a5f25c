import { ApiError, attachmentUrl, createSession, emailInstead, leaveOfflineMessage, requestCallback, socketUrl, uploadAttachment, type Session } from './api.ts';
import { fallbackBody, refusalText, typeOf, Uploads } from './attachments.ts';
import { ChatState, type OutboxItem } from './chat-state.ts';
import { fromFragment, sessionUser } from './frame-config.ts';
import { newClientId } from './ids.ts';
import { chooseLocale, directionOf } from './locale.ts';
import type { ClientFrame, ServerFrame } from './protocol.ts';
import { ReconnectingSocket } from './socket.ts';
import { createOffer } from './offer-view.ts';
import { shouldOffer, visitorTimeZone } from './offer.ts';
import { load, save } from './storage.ts';
import { fill, queueText, strings, waitText } from './strings.ts';
import { TypingSignal } from './typing.ts';
import { reusableToken, type StoredVisitor } from './visitor.ts';
import { ChatView } from './view.ts';

/** The chat panel inside /widget/frame.html: wires the session, the socket, the state and the view. */

const KEY_VISITOR = 'sanad.visitor';
const KEY_OUTBOX = 'sanad.outbox';
const KEY_CONVERSATION = 'sanad.conversation';

const config = fromFragment(location.hash);
const locale = config.locale ?? chooseLocale({ browser: navigator.languages });
const t = strings[locale];
document.documentElement.lang = locale;
document.documentElement.dir = directionOf(locale);
document.title = t.title;

let state = new ChatState(load<OutboxItem[]>(KEY_OUTBOX) ?? [], load<string>(KEY_CONVERSATION));
let session: Session | null = null;
let identityRefused = false;
let panelOpen = true;
let unread = 0;
let resuming = 0;
let decidedScreen = false;
/** The agent who has the visitor's chat, once one does (shown in the header). */
let helper: string | null = null;
const offlineClientId = newClientId();

const toHost = (message: Record<string, unknown>) => parent.postMessage({ sanad: true, ...message }, config.hostOrigin ?? '*');

/** Files attached to the message being written; uploaded at once, sent by id with it. */
const uploads = new Uploads<File>(
  (file) => (session ? uploadAttachment(file, typeOf(file), session.visitorToken) : Promise.reject(new Error('no session yet'))),
  () => view.setChips(uploads.list()),
);

const view = new ChatView(t, locale, {
  send(body) {
    const files = uploads.take();
    if (files === null) {
      view.note(t.waitUploads);
      return false;
    }
    if (!body && files.length === 0) return false;
    transmit([state.send(body || fallbackBody(files), newClientId(), files)]);
    typing.stop();
    changed(true);
    return true;
  },
  attach(files) {
    view.note(uploads.add(files).map(({ file, why }) => refusalText(t, file.name, why)).join(' '));
  },
  removeFile: (key) => uploads.remove(key),
  retryFile: (key) => uploads.retry(key),
  fileUrl: (id) => (session ? attachmentUrl(id, session.visitorToken) : null),
  input(empty) {
    typing.input(empty);
  },
  handoff() {
    transmit(state.requestHandoff(t.handoffMessage, newClientId()));
    if (view.onOfflineScreen()) view.show('chat');
    changed(true);
  },
  retry(clientId) {
    const frame = state.retry(clientId);
    if (frame) transmit([frame]);
    changed();
  },
  close: () => toHost({ type: 'close' }),
  async leaveMessage(m) {
    if (!session) return false;
    // One clientId per form, so a retry after a lost answer does not leave the message twice.
    await leaveOfflineMessage({ visitorToken: session.visitorToken, clientId: offlineClientId, ...m });
    return true;
  },
}, { name: config.user.name, email: config.user.email });

/** Instead of a long wait: a call in a window the visitor picks, or the answer by email. */
const offer = createOffer(t, locale, {
  async callback(phone, start, end) {
    if (!session) throw new Error('no session yet');
    const active = state.active();
    const request = { visitorToken: session.visitorToken, phone, windowStart: start.toISOString(), windowEnd: end.toISOString(), timeZone: visitorTimeZone(), locale };
    return (await requestCallback(active ? { ...request, conversationId: active } : request)).confirmation;
  },
  async email(address) {
    const conversationId = state.active();
    if (!session || !conversationId) throw new Error('no chat yet');
    return fill(t.emailDone, { email: (await emailInstead({ visitorToken: session.visitorToken, conversationId, email: address })).email });
  },
});
document.querySelector('.notices')?.append(offer.box);

const typing = new TypingSignal(
  (on) => {
    const conversationId = state.active();
    if (conversationId) socket.send({ type: 'typing', conversationId, typing: on });
  },
  { now: () => performance.now(), setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (handle) => clearTimeout(handle as number) },
);

const socket = new ReconnectingSocket({
  async prepare() {
    const s = await openSession();
    if (session && s.visitorId !== session.visitorId) {
      // The old token no longer verifies: a new visitor. Keep only what the visitor typed and has not
      // seen delivered; files uploaded as the old visitor cannot be attached by the new one.
      state = new ChatState(state.unacked().map(({ clientId, body }) => ({ clientId, body })));
      uploads.clear();
      changed();
    }
    session = s;
    const online = s.availability?.agentsOnline;
    view.setHeader(s.workspace?.name, online === 0 ? null : waitText(locale, s.availability?.estimatedWaitSeconds));
    view.setOffline(online === 0);
    return socketUrl(s.visitorToken);
  },
  onFrame: handle,
  onStatus: (status, failures) => view.setConnection(status, failures),
});

async function openSession(): Promise<Session> {
  const stored = load<StoredVisitor>(KEY_VISITOR);
  const user = identityRefused ? undefined : sessionUser(config.user);
  try {
    const s = await createSession({ visitorToken: reusableToken(stored, user?.id), user, locale });
    save(KEY_VISITOR, { token: s.visitorToken, userId: user?.id } satisfies StoredVisitor);
    return s;
  } catch (error) {
    // IDENTITY_UNVERIFIED (or a malformed id/hash: 400 too) is the host site's bug; chat on anonymously rather than not at all.
    if (!(error instanceof ApiError && error.status === 400) || !user) throw error;
    console.warn(`Sanad: the visitor identity was refused (${error.code}); continuing as an anonymous visitor`);
    identityRefused = true;
    return openSession();
  }
}

function transmit(frames: readonly ClientFrame[]): void {
  for (const frame of frames) {
    if (!socket.send(frame)) continue;
    if (frame.type === 'handoff') state.handoffSent(frame.conversationId);
    if (frame.type === 'resume') {
      resuming++;
      view.setBusy(true);
    }
  }
}

function changed(scroll = false): void {
  save(KEY_OUTBOX, state.unacked());
  save(KEY_CONVERSATION, state.current);
  view.render(state.list(), scroll);
  view.setHandoff(state.handoffRequested());
  view.setClosed(state.closed());
}

function handle(frame: ServerFrame): void {
  switch (frame.type) {
    case 'ready':
      socket.healthy();
      resuming = 0;
      view.setBusy(false);
      transmit(state.ready(frame.conversations));
      if (!decidedScreen) {
        decidedScreen = true;
        // Nobody online and nothing going on: the form is the honest way to reach a person.
        if (session?.availability?.agentsOnline === 0 && state.active() === null && state.unacked().length === 0) view.show('offline');
      }
      break;
    case 'ack':
      transmit(state.ack(frame));
      break;
    case 'message':
      if (!state.message(frame.conversationId, frame.message)) return;
      if (frame.message.kind !== 'customer') view.setTyping(null);
      if (!panelOpen && frame.message.kind !== 'customer') toHost({ type: 'unread', count: ++unread });
      break;
    case 'resumed':
      resuming = Math.max(0, resuming - 1);
      if (resuming === 0) view.setBusy(false);
      return;
    case 'conversation':
      if (frame.conversation.agent !== undefined && frame.conversation.id === state.current) helper = frame.conversation.agent?.name ?? null;
      if (!state.status(frame.conversation.id, frame.conversation.status)) return;
      break;
    case 'queue':
      if (frame.conversationId !== state.current && state.current !== null) return;
      view.setHeader(session?.workspace?.name, queueText(locale, frame, helper));
      // Once answered, the confirmation stays; until then the offer follows the honest wait.
      offer.box.hidden = !offer.done() && !shouldOffer(frame);
      return;
    case 'typing':
      if (frame.conversationId === state.current && frame.who?.type !== 'contact') view.setTyping(frame.typing ? frame.who?.name || t.agent : null);
      return;
    case 'error': {
      const { frames, retryLater } = state.error(frame.code, frame.ref);
      transmit(frames);
      if (retryLater) setTimeout(() => transmit(state.resendFrames().filter((f) => f.type === 'send' && f.clientId === frame.ref)), 5000);
      if (!frame.ref) console.warn('Sanad chat:', frame.code, frame.message ?? '');
      break;
    }
    default:
      return;
  }
  changed();
}

addEventListener('message', (event) => {
  if (event.source !== parent || !event.data || event.data.sanad !== true) return;
  if (event.data.type === 'open') {
    panelOpen = true;
    unread = 0;
    view.focus();
  } else if (event.data.type === 'closed') {
    panelOpen = false;
    typing.stop();
  }
});

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !event.isComposing) toHost({ type: 'close' });
});

changed();
socket.start();
view.focus();
