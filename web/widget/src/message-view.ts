import { fallbackBody, formatSize } from './attachments.ts';
import type { ShownMessage } from './chat-state.ts';
import { h, srOnly } from './dom.ts';
import type { Strings } from './strings.ts';

/** An attachment's address for this visitor; null until the session (its token) is known. */
export type FileUrl = (id: string) => string | null;

/**
 * One message in the log. Every element holding message text has dir="auto", so Arabic and
 * English (and mixed) lines each read in their own direction whatever the panel's direction.
 */
export function createMessage(m: ShownMessage, t: Strings): HTMLElement {
  const el = h('div', { class: 'msg msg-' + m.kind, 'data-testid': 'sanad-message', 'data-kind': m.kind, dir: 'auto' });
  const who = authorLabel(m, t);
  if (who !== null) el.append(m.kind === 'customer' ? srOnly(who + ': ') : h('span', { class: 'who', dir: 'auto' }, who));
  el.append(h('p', { class: 'body', dir: 'auto' }, m.body), h('div', { class: 'files' }), h('span', { class: 'meta' }));
  return el;
}

/** What each element's attachments were drawn from, so they are redrawn (and pictures fetched again) only when that changes. */
const drawn = new WeakMap<HTMLElement, string>();

/**
 * The message's files: pictures as thumbnails opening the full picture, anything else (PDFs) as a
 * download link with its name and size. The body is hidden when it only repeats the file names
 * (what the widget sends when the visitor typed nothing).
 */
function updateFiles(el: HTMLElement, m: ShownMessage, locale: string, fileUrl: FileUrl): void {
  const files = m.attachments ?? [];
  const key = files.map((a) => a.id).join() + (files[0] && fileUrl(files[0].id) ? '+' : '');
  if ((drawn.get(el) ?? '') === key) return;
  drawn.set(el, key);
  (el.querySelector('.body') as HTMLElement).hidden = files.length > 0 && m.body === fallbackBody(files);
  (el.querySelector('.files') as HTMLElement).replaceChildren(
    ...files.map((a) => {
      const url = fileUrl(a.id) ?? undefined;
      const attrs = { href: url, 'data-testid': 'sanad-attachment', 'data-content-type': a.contentType };
      return /^image\/(png|jpeg|gif|webp)$/.test(a.contentType)
        ? h('a', { ...attrs, class: 'thumb', target: '_blank', rel: 'noopener' }, h('img', { src: url, alt: a.name, loading: 'lazy', dir: 'auto' }))
        : h('a', { ...attrs, class: 'file', download: a.name }, h('span', { class: 'fname', dir: 'auto' }, a.name), ' ', h('span', { class: 'fsize' }, formatSize(a.size, locale)));
    }),
  );
}

/** Brings an element up to date with the message's attachments, delivery state and sequence. */
export function updateMessage(el: HTMLElement, m: ShownMessage, t: Strings, locale: string, onRetry: (clientId: string) => void, fileUrl: FileUrl): void {
  updateFiles(el, m, locale, fileUrl);
  if (el.dataset.state === m.state && el.dataset.seq === String(m.seq ?? '')) return;
  el.dataset.state = m.state;
  if (m.seq === undefined) delete el.dataset.seq;
  else el.dataset.seq = String(m.seq);
  if (m.clientId) el.dataset.clientId = m.clientId;
  if (m.state === 'pending') el.setAttribute('aria-busy', 'true');
  else el.removeAttribute('aria-busy');
  const meta = el.querySelector('.meta') as HTMLElement;
  meta.replaceChildren();
  if (m.state === 'pending') meta.append(t.sending);
  else if (m.state === 'failed') {
    const retry = h('button', { type: 'button', class: 'retry', 'data-testid': 'sanad-retry' }, t.retry);
    retry.onclick = () => onRetry(m.clientId ?? '');
    meta.append(t.failed + ' ', retry);
  } else if (m.createdAt) {
    const at = new Date(m.createdAt);
    if (!Number.isNaN(at.getTime())) meta.append(h('time', { datetime: m.createdAt }, new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(at)));
  }
}

function authorLabel(m: ShownMessage, t: Strings): string | null {
  switch (m.kind) {
    case 'customer':
      return t.you;
    case 'bot':
      // Always the localized "bot" label: the visitor must know no person is answering.
      return t.bot;
    case 'agent':
      return m.authorName || t.agent;
    default:
      return null;
  }
}
