/**
 * Showing an email safely. Pure: strings in, strings out (no DOM), so every rule here has a plain test.
 *
 * The server has already sanitised the HTML (no script, no handlers, no positioning; remote images
 * held back in data-sanad-remote-src). The console still treats it as hostile: it is rendered only
 * inside a sandboxed frame whose document carries a strict Content-Security-Policy, so a bug in
 * either layer alone does not run script or load trackers.
 */
import type { DeliveryStatus, EmailAddress, EmailDelivery, EmailView, Message } from '../api/types';

/** Where the server keeps a remote image's URL until the agent asks to see it. */
export const remoteSrcAttribute = 'data-sanad-remote-src';

/**
 * The URL to load for a held-back image, or null. Parsed with the URL parser (the one the browser
 * will use), never pattern-matched, so "java\tscript:", " javascript:" or "JAVASCRIPT:" are seen
 * for what they are; relative URLs have no base here and are refused too.
 */
export function revealableImageUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

const namedEntities: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' };

/** Attribute values arrive HTML-escaped ("&amp;" in a query string); the URL parser needs the characters. */
export function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return namedEntities[entity.toLowerCase()] ?? whole;
  });
}

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface Revealed {
  html: string;
  /** Images whose src was put back. */
  revealed: number;
  /** Held-back values that were not http(s) URLs: dropped, never loaded. */
  refused: number;
}

// A whole tag, quoted values included, so a ">" or "<img" inside an attribute value is not taken for markup.
const tagPattern = /<(?:"[^"]*"|'[^']*'|[^'">])*>/g;
const remoteAttrPattern = /\sdata-sanad-remote-src\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;
const hasSrc = /\ssrc\s*=/i;

/**
 * Puts each held-back image URL back into src, only for http: and https: URLs; anything else is
 * dropped. Only <img> tags are touched, and an image that already has a src keeps it.
 */
export function revealRemoteImages(html: string): Revealed {
  let revealed = 0;
  let refused = 0;
  const out = html.replace(tagPattern, (tag) => {
    if (!/^<img[\s/>]/i.test(tag)) return tag;
    let done = hasSrc.test(tag);
    return tag.replace(remoteAttrPattern, (_whole, double?: string, single?: string, bare?: string) => {
      const url = revealableImageUrl(decodeAttribute(double ?? single ?? bare ?? ''));
      if (!url) {
        refused += 1;
        return '';
      }
      if (done) return '';
      done = true;
      revealed += 1;
      return ` src="${escapeAttribute(url)}"`;
    });
  });
  return { html: out, revealed, refused };
}

/**
 * The policy inside the mail's frame: nothing may load or run but images from Sanad itself (inline
 * cid: pictures are served as attachments) and data: pictures, and inline styles; https: images only
 * once the agent asked. Meta policies ignore frame-ancestors and sandbox, so those come from the
 * iframe's own sandbox attribute; base-uri and form-action are not covered by default-src, so are named.
 */
export function emailFrameCsp(remoteImages: boolean): string {
  return `default-src 'none'; img-src 'self' data:${remoteImages ? ' https:' : ''}; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'`;
}

// Mail is written for a fixed-width reading pane: keep it inside the frame's width, and let very
// wide tables scroll sideways rather than push the console.
const frameStyle =
  "html{overflow:auto}body{margin:0;padding:0;color:#1c2430;background:#fff;font:15px/1.5 system-ui,'Noto Sans','Noto Sans Arabic',Tahoma,sans-serif;" +
  'overflow-wrap:anywhere}img{max-inline-size:100%;block-size:auto}table{max-inline-size:100%}pre{white-space:pre-wrap}.sanad-mail{display:flow-root}';

export interface FrameDocumentOptions {
  /** The server-sanitised HTML of the mail. */
  html: string;
  dir: 'ltr' | 'rtl';
  /** The agent asked to see remote images: reveal them and let https: images load. */
  remoteImages: boolean;
  /** Hide the blocks the server marked as quoted history (data-sanad-quote). */
  foldQuotes?: boolean;
}

/**
 * The frame's whole document (for srcdoc). The policy comes first in <head>, before any of the
 * mail is parsed; no referrer is sent, so a revealed tracker does not learn the console's address.
 * The mail sits in one flow-root wrapper whose height is the frame's height.
 */
export function emailFrameDocument({ html, dir, remoteImages, foldQuotes = false }: FrameDocumentOptions): string {
  const body = remoteImages ? revealRemoteImages(html).html : html;
  // Folding is a style rule, not an edit of the mail: the frame runs no script to toggle it.
  const fold = foldQuotes ? '[data-sanad-quote]{display:none!important}' : '';
  return (
    '<!doctype html><html dir="' + dir + '"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(emailFrameCsp(remoteImages))}">` +
    '<meta name="referrer" content="no-referrer">' +
    `<style>${frameStyle}${fold}</style></head><body><div class="sanad-mail" dir="${dir}">${body}</div></body></html>`
  );
}

/** "Name <address>", or the bare address when the mail gave no name. */
export function formatAddress(a: EmailAddress): string {
  return a.name && a.name !== a.address ? `${a.name} <${a.address}>` : a.address;
}

export interface DeliveryState {
  status: DeliveryStatus;
  /** The error to show (retrying and failed only). */
  error: string | null;
  /** A failed mail can be sent again. */
  canRetry: boolean;
  /** Still on its way: worth looking again soon. */
  unsettled: boolean;
}

export function deliveryState(delivery: EmailDelivery): DeliveryState {
  const showsError = delivery.status === 'retrying' || delivery.status === 'failed';
  return {
    status: delivery.status,
    error: showsError ? (delivery.lastError ?? null) : null,
    canRetry: delivery.status === 'failed',
    unsettled: delivery.status === 'queued' || delivery.status === 'retrying',
  };
}

/** A new message's mail row is written just after the message (by a subscriber): it is looked for this long. */
export const missingMailWindowMs = 60_000;

/**
 * Whether a conversation's mails are worth fetching again: a reply is queued or retrying, or a
 * recent customer or agent message has no mail yet. Old messages without one (a conversation that
 * was email before it had a mailbox, or a chat line) never keep it polling.
 */
export function emailNeedsLook(views: ReadonlyMap<string, EmailView>, messages: readonly Message[], nowMs: number): boolean {
  for (const v of views.values()) if (v.delivery && deliveryState(v.delivery).unsettled) return true;
  return messages.some(
    (m) => (m.kind === 'agent' || m.kind === 'customer') && !views.has(m.id) && nowMs - new Date(m.createdAt).getTime() < missingMailWindowMs,
  );
}
