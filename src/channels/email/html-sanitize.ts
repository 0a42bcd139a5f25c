/**
 * Email HTML made safe before any agent sees it. Built on sanitize-html (an allow-list sanitiser
 * over htmlparser2 that re-serialises what it keeps, so broken markup cannot smuggle tags through).
 *
 * - Only formatting tags survive; script/style/iframe/object/form and their kin go, and the text
 *   inside script, style, title, textarea… goes with them.
 * - No event handlers, no javascript:/data: links: only http(s)/mailto/tel hrefs.
 * - Remote images are tracking pixels until the agent asks: their src moves to
 *   data-sanad-remote-src (http/https only) so the console can reveal them on request.
 * - cid: images are mapped by the caller to attachment URLs; unknown cids lose their src.
 * - Inline CSS from an allow-list whose values cannot hold url(), expression() or negative
 *   offsets, and no position at all, so a mail cannot draw outside its box or over the console.
 * - Bidi: dir attributes stay (Arabic mail depends on them; <html>/<body dir> become a div);
 *   <bdo> and the explicit override/embedding characters go, as they can reverse text to spoof it.
 */
import sanitizeHtml from 'sanitize-html';

export interface SanitizeOptions {
  allowRemoteImages?: boolean;
  /** Maps a Content-ID (no "cid:", no angle brackets) to the attachment's URL, or null when unknown. */
  resolveCid?: (contentId: string) => string | null;
}

export interface SanitizedHtml {
  html: string;
  /** Remote images held back; the console offers to show them. */
  blockedImages: number;
  /** Too many tags to parse safely in time: shown as plain text instead (the original is kept). */
  textOnly: boolean;
}

/**
 * Parsing cost grows faster than linearly with nesting depth (100 000 nested divs take seconds),
 * so a mail with more tags than any real newsletter is shown as text, not parsed as HTML.
 */
export const maxTags = 30_000;

const remoteSrcAttribute = 'data-sanad-remote-src';
const blockText = ['script', 'style', 'textarea', 'option', 'xmp', 'title', 'noscript', 'noembed', 'noframes', 'iframe', 'object', 'template', 'select', 'svg', 'math'];

const allowedTags = [
  'a', 'abbr', 'b', 'bdi', 'blockquote', 'br', 'caption', 'center', 'cite', 'code', 'col', 'colgroup', 'dd', 'del', 'div', 'dl', 'dt',
  'em', 'font', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'small',
  'span', 'strike', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'tt', 'u', 'ul',
];

// Values are matched whole. None admits "(" except rgb()/rgba() of plain numbers, so no url(),
// expression(), var() or calc() tricks; no "-" before a number, so no negative offsets.
const length = String.raw`(?:0|\d{1,4}(?:\.\d{1,3})?(?:px|pt|em|rem|%|ex|ch))`;
const lengths = new RegExp(`^${length}(?:\\s+${length}){0,3}$`, 'i');
const oneLength = new RegExp(`^(?:${length}|auto)$`, 'i');
const color = /^(?:#[0-9a-f]{3,8}|rgba?\(\s*\d{1,3}%?\s*,\s*\d{1,3}%?\s*,\s*\d{1,3}%?\s*(?:,\s*(?:0|1|0?\.\d{1,3})\s*)?\)|[a-z]{3,20})$/i;
const border = new RegExp(`^(?:none|0|(?:${length}\\s+)?(?:solid|dashed|dotted|double|none)(?:\\s+(?:#[0-9a-f]{3,8}|[a-z]{3,20}))?)$`, 'i');
const keyword = (...words: string[]) => new RegExp(`^(?:${words.join('|')})$`, 'i');

const allowedStyles: Record<string, RegExp[]> = {
  color: [color], 'background-color': [color], 'border-color': [color],
  'font-family': [/^[\w\s,"'-]{1,200}$/u],
  'font-size': [oneLength, keyword('xx-small', 'x-small', 'small', 'medium', 'large', 'x-large', 'xx-large', 'smaller', 'larger')],
  'font-weight': [keyword('normal', 'bold', 'bolder', 'lighter', '[1-9]00')],
  'font-style': [keyword('normal', 'italic', 'oblique')],
  'text-align': [keyword('left', 'right', 'center', 'justify', 'start', 'end')],
  'text-decoration': [keyword('none', 'underline', 'line-through', 'overline')],
  'text-indent': [oneLength], 'line-height': [oneLength, /^\d{1,2}(?:\.\d{1,2})?$/], 'letter-spacing': [oneLength],
  'vertical-align': [keyword('top', 'middle', 'bottom', 'baseline', 'sub', 'super', 'text-top', 'text-bottom')],
  'white-space': [keyword('normal', 'nowrap', 'pre', 'pre-wrap', 'pre-line')],
  direction: [keyword('ltr', 'rtl')],
  // Embedding and isolation only: the override values can reverse text the way U+202E does.
  'unicode-bidi': [keyword('normal', 'embed', 'isolate', 'plaintext')],
  display: [keyword('block', 'inline', 'inline-block', 'none', 'table', 'table-row', 'table-cell', 'list-item')],
  width: [oneLength], height: [oneLength], 'max-width': [oneLength], 'min-width': [oneLength],
  margin: [lengths, /^auto$/i], 'margin-top': [oneLength], 'margin-bottom': [oneLength], 'margin-left': [oneLength], 'margin-right': [oneLength],
  padding: [lengths], 'padding-top': [oneLength], 'padding-bottom': [oneLength], 'padding-left': [oneLength], 'padding-right': [oneLength],
  border: [border], 'border-top': [border], 'border-bottom': [border], 'border-left': [border], 'border-right': [border],
  'border-width': [lengths], 'border-style': [keyword('none', 'solid', 'dashed', 'dotted', 'double')], 'border-collapse': [keyword('collapse', 'separate')],
  'border-radius': [lengths], 'list-style-type': [keyword('none', 'disc', 'circle', 'square', 'decimal', 'lower-alpha', 'upper-alpha', 'lower-roman', 'upper-roman', 'arabic-indic')],
};

const globalAttributes = ['dir', 'lang', 'title', 'align', 'valign', 'width', 'height', 'bgcolor', 'style'];

/**
 * Quoted history, as the common clients mark it: Gmail's gmail_quote, Apple Mail and Thunderbird's
 * blockquote type="cite" (with Thunderbird's moz-cite-prefix line), Yahoo's yahoo_quoted, Outlook's
 * divRplyFwdMsg header, Proton's protonmail_quote. Such blocks get `data-sanad-quote` so the console
 * can fold them; the attribute is set only here, never kept from the mail itself.
 */
export const quoteAttribute = 'data-sanad-quote';
const quoteClass = /(?:^|\s)(?:gmail_quote|gmail_quote_container|moz-cite-prefix|yahoo_quoted|protonmail_quote)(?:\s|$)/i;

function markQuotes(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const { [quoteAttribute]: _spoofed, ...rest } = attribs;
  const quote = quoteClass.test(attribs.class ?? '') || (tagName === 'blockquote' && (attribs.type ?? '').toLowerCase() === 'cite') || attribs.id === 'divRplyFwdMsg';
  return { tagName, attribs: quote ? { ...rest, [quoteAttribute]: '' } : rest };
}
const safeInlineImage = /^data:image\/(?:png|jpe?g|gif|webp);base64,[a-z0-9+/=\s]+$/i;
const overrideCharacters = /[\u202A-\u202E]/g;

function imageTransform(options: SanitizeOptions, counter: { blocked: number }): sanitizeHtml.Transformer {
  return (tagName, attribs) => {
    const src = (attribs.src ?? '').trim();
    const { src: _dropped, ...rest } = attribs;
    const kept: sanitizeHtml.Attributes = { ...rest };
    if (/^cid:/i.test(src)) {
      const url = options.resolveCid?.(src.slice(4).replace(/^<|>$/g, '').trim()) ?? null;
      if (url) kept.src = url;
    } else if (/^(?:https?:)?\/\//i.test(src)) {
      const absolute = src.startsWith('//') ? `https:${src}` : src;
      if (options.allowRemoteImages) kept.src = absolute;
      else { kept[remoteSrcAttribute] = absolute; counter.blocked++; }
    } else if (safeInlineImage.test(src)) {
      kept.src = src;
    }
    return { tagName, attribs: kept };
  };
}

/** Wraps <html>/<body> into a div so their dir and lang survive; the rest of their attributes go. */
const keepDirection: sanitizeHtml.Transformer = (_tagName, attribs) => {
  const kept: sanitizeHtml.Attributes = {};
  if (attribs.dir) kept.dir = attribs.dir;
  if (attribs.lang) kept.lang = attribs.lang;
  return { tagName: 'div', attribs: kept };
};

function countTags(html: string): number {
  let count = 0;
  for (const _ of html.matchAll(/<[a-z!/]/gi)) if (++count > maxTags) break;
  return count;
}

/** Tags removed by one linear scan (no regex that could backtrack), text escaped, override characters gone. */
function asText(html: string): string {
  let out = '';
  let inTag = false;
  let start = 0;
  for (let i = 0; i < html.length; i++) {
    const ch = html[i];
    if (!inTag && ch === '<') { out += html.slice(start, i); inTag = true; }
    else if (inTag && ch === '>') { inTag = false; start = i + 1; out += ' '; }
  }
  if (!inTag) out += html.slice(start);
  const escaped = out.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(overrideCharacters, '');
  return `<div dir="auto" style="white-space:pre-wrap">${escaped}</div>`;
}

export function sanitizeEmailHtml(html: string, options: SanitizeOptions = {}): SanitizedHtml {
  if (countTags(html) > maxTags) return { html: asText(html), blockedImages: 0, textOnly: true };
  const counter = { blocked: 0 };
  const out = sanitizeHtml(html, {
    allowedTags,
    nonTextTags: blockText,
    disallowedTagsMode: 'discard',
    allowedAttributes: {
      '*': globalAttributes,
      a: ['href', 'name', 'target', 'rel'],
      img: ['src', 'alt', remoteSrcAttribute],
      div: [quoteAttribute], blockquote: [quoteAttribute, 'cite'],
      td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan', 'scope'],
      table: ['border', 'cellpadding', 'cellspacing'],
      font: ['color', 'face', 'size'], ol: ['start', 'type'], ul: ['type'],
    },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['http', 'https', 'data'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', remoteSrcAttribute],
    allowProtocolRelative: false,
    allowedStyles: { '*': allowedStyles },
    // Deeply nested tables are normal in mail; thousands of levels are an attack on the renderer.
    nestingLimit: 200,
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, target: '_blank', rel: 'noopener noreferrer nofollow' } }),
      img: imageTransform(options, counter),
      html: keepDirection,
      body: keepDirection,
      div: markQuotes,
      blockquote: markQuotes,
    },
    textFilter: (text) => text.replace(overrideCharacters, ''),
  });
  return { html: out, blockedImages: counter.blocked, textOnly: false };
}

/**
 * Whether safe HTML has quoted history to fold and something left to show without it: hiding a
 * customer's words is worse than showing a quote, so a mail that is all "quote" is not folded.
 */
export function foldableQuotes(safeHtml: string): boolean {
  if (!safeHtml.includes(quoteAttribute)) return false;
  // The filter only sees allowed tags, so the two that can be quotes stay, then go with the rest.
  const visible = sanitizeHtml(safeHtml, {
    allowedTags: ['div', 'blockquote'], allowedAttributes: { div: [quoteAttribute], blockquote: [quoteAttribute] },
    exclusiveFilter: (frame) => quoteAttribute in frame.attribs,
  });
  return visible.replace(/<[^>]*>|&nbsp;|\s/g, '') !== '';
}
