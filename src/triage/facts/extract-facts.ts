/**
 * Key facts in a support message: order and ticket numbers, emails, phone numbers, amounts with a
 * currency, and dates, in Arabic, English and French. Every detector proposes candidates with a
 * priority; where candidates overlap the higher priority wins (then the longer span), so one piece
 * of text is one fact. Bare numbers with no context and no telling format are left alone. Pure.
 */
import { findDates } from './fact-dates.ts';
import {
  arabicPrefix,
  currencyCode,
  currencyPattern,
  digitCount,
  foldDigits,
  normaliseAmount,
  normalisePhone,
  notAfterWord,
  notBeforeWord,
  numberPattern,
} from './fact-text.ts';

export const factKinds = ['order_number', 'ticket_number', 'email', 'phone', 'amount', 'date'] as const;
export type FactKind = (typeof factKinds)[number];

export interface Fact {
  kind: FactKind;
  /**
   * Normalised: order/ticket → the identifier without '#' or keyword ("48213", "ORD-48213");
   * email → lower case; phone → digits with a leading + for international forms ("+966501234567",
   * "0501234567"); amount → "<number> <ISO code>" ("12.50 USD", "349 SAR"); date → "YYYY-MM-DD",
   * or the raw word for a relative date when no reference date was given.
   */
  value: string;
  /** The text as written (Arabic digits and all). */
  raw: string;
  /** UTF-16 offsets into the input: raw === text.slice(start, end). */
  start: number;
  end: number;
}

export interface ExtractOptions {
  /** 'YYYY-MM-DD': the customer's today, to resolve "yesterday" / "أمس" / "hier". */
  referenceDate?: string;
}

type Kind = FactKind | 'url';
interface Candidate {
  kind: Kind;
  value: string;
  start: number;
  end: number;
  priority: number;
}

const priorities = { url: 110, email: 100, date: 90, amount: 80, ticket: 75, order: 70, contextPhone: 65, phone: 60, hashOrder: 50 } as const;

const urlPattern = /\b(?:https?:\/\/|www\.)[^\s<>"]+/giu;
const emailPattern = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/gu;

const amountBefore = new RegExp(`(?<![\\p{L}\\p{N}])(${currencyPattern})\\s?(${numberPattern})${notBeforeWord}`, 'giu');
const amountAfter = new RegExp(`${notAfterWord}(${numberPattern})\\s?(${currencyPattern})(?![\\p{L}\\p{N}])`, 'giu');

/** Words that may sit between a keyword and its number: "order number: #48213", "طلب رقم ٤٨٢١٣". */
const connector = '(?:[\\s:#\\-–]|number|num|no\\.?|nr\\.?|id|ref|is|was|n°|nº|numéro|numero|رقم|رقمه|هو|هي)*';

function keyedId(keywords: string, id: string): RegExp {
  return new RegExp(`${notAfterWord}(?:${keywords})${notBeforeWord}${connector}(?<id>${id})${notBeforeWord}`, 'giud');
}

const orderKeywords = `orders?|order's|commande|cmd|${arabicPrefix}(?:طلبي|طلبك|طلبية|طلبيه|طلب|اوردر|أوردر|أردر)`;
const ticketKeywords = `tickets?|case|ticket n°|${arabicPrefix}(?:تذكرتي|تذكرة|تذكره|بلاغ|شكوى)`;

const orderById = keyedId(orderKeywords, '#?(?:[A-Z]{2,4}-?)?\\d{3,12}');
const orderByPrefix = /(?<![\p{L}\p{N}])(?:ORD|ORDER)-?\d{3,12}(?![\p{L}\p{N}])/giu;
const hashNumber = /(?<![\p{L}\p{N}&])#\d{4,12}(?![\p{L}\p{N}])/gu;
const ticketById = keyedId(ticketKeywords, '#?(?:[A-Z]{1,4}-?)?\\d{3,10}');
const ticketByPrefix = /(?<![\p{L}\p{N}])(?:TKT|TCK|TK|T)-\d{3,10}(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])(?:TKT|TCK)\d{3,10}(?![\p{L}\p{N}])/giu;

const internationalPhone = /(?<![\p{L}\p{N}+])(?:\+|00)[1-9][\d\s\-.()]{6,18}\d(?![\p{L}\p{N}])/gu;
const localPhone = /(?<![\p{L}\p{N}+])0\d(?:[\s-]?\d){7,11}(?![\p{L}\p{N}])/gu;
const anyDigitRun = /(?<![\p{L}\p{N}+])\d(?:[\s-]?\d){6,14}(?![\p{L}\p{N}])/gu;
/** Mobile formats that need no context: Saudi / Emirati 05x, Egyptian 010/011/012/015. */
const knownMobile = /^(?:05\d{8}|01[0125]\d{8})$/;
const phoneContext = new RegExp(
  `(?:phone|mobile|cell|whats ?app|call me|call|text me|my number|contact number|téléphone|telephone|portable|` +
    `${arabicPrefix}(?:جوالي|جوال|موبايلي|موبايل|هاتفي|هاتف|تلفوني|تلفون|تليفوني|تليفون|واتساب|واتس|نمرتي|رقمي)|اتصلوا|اتصل|كلموني)` +
    `[^\\p{N}]{0,20}$`,
  'iu',
);

/** Extract the key facts of one message, in order of appearance. */
export function extractFacts(text: string, options: ExtractOptions = {}): Fact[] {
  const folded = foldDigits(text);
  const candidates: Candidate[] = [
    ...collect(folded, urlPattern, 'url', priorities.url, (raw) => raw),
    ...collect(folded, emailPattern, 'email', priorities.email, (raw) => raw.toLowerCase()),
    ...findDates(folded, text, options.referenceDate).map((d) => ({ kind: 'date' as const, priority: priorities.date, ...d })),
    ...amounts(folded),
    ...keyed(folded, ticketById, 'ticket_number', priorities.ticket),
    ...collect(folded, ticketByPrefix, 'ticket_number', priorities.ticket, (raw) => raw.replace(/^\D+/, '')),
    ...keyed(folded, orderById, 'order_number', priorities.order),
    ...collect(folded, orderByPrefix, 'order_number', priorities.order, (raw) => raw.toUpperCase()),
    ...collect(folded, hashNumber, 'order_number', priorities.hashOrder, (raw) => raw.slice(1)),
    ...phones(folded),
  ];
  return resolveOverlaps(candidates).map(({ kind, value, start, end }) => ({
    kind: kind as FactKind,
    value,
    raw: text.slice(start, end),
    start,
    end,
  }));
}

function collect(folded: string, pattern: RegExp, kind: Kind, priority: number, normalise: (raw: string) => string): Candidate[] {
  return [...folded.matchAll(pattern)].map((m) => ({ kind, value: normalise(m[0]), start: m.index, end: m.index + m[0].length, priority }));
}

/** "order number 48213" → the fact spans "48213" only; a ticket's value keeps only its digits (T-7731 → 7731). */
function keyed(folded: string, pattern: RegExp, kind: FactKind, priority: number): Candidate[] {
  const found: Candidate[] = [];
  for (const m of folded.matchAll(pattern)) {
    const span = m.indices?.groups?.id;
    const id = m.groups?.id;
    if (!span || !id) continue;
    const value = kind === 'ticket_number' ? id.replace(/^\D+/, '') : id.replace(/^#/, '').toUpperCase();
    found.push({ kind, value, start: span[0], end: span[1], priority });
  }
  return found;
}

function amounts(folded: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of folded.matchAll(amountBefore)) {
    found.push({ kind: 'amount', value: `${normaliseAmount(m[2] ?? '')} ${currencyCode(m[1] ?? '')}`, start: m.index, end: m.index + m[0].length, priority: priorities.amount });
  }
  for (const m of folded.matchAll(amountAfter)) {
    found.push({ kind: 'amount', value: `${normaliseAmount(m[1] ?? '')} ${currencyCode(m[2] ?? '')}`, start: m.index, end: m.index + m[0].length, priority: priorities.amount });
  }
  return found;
}

function phones(folded: string): Candidate[] {
  const found: Candidate[] = [];
  const add = (start: number, raw: string, priority: number): void => {
    found.push({ kind: 'phone', value: normalisePhone(raw), start, end: start + raw.length, priority });
  };
  for (const m of folded.matchAll(internationalPhone)) {
    const digits = digitCount(m[0]);
    if (digits >= 8 && digits <= 15) add(m.index, m[0], priorities.contextPhone);
  }
  for (const m of folded.matchAll(localPhone)) {
    if (knownMobile.test(normalisePhone(m[0]))) add(m.index, m[0], priorities.phone);
  }
  for (const m of folded.matchAll(anyDigitRun)) {
    if (phoneContext.test(folded.slice(Math.max(0, m.index - 40), m.index))) add(m.index, m[0], priorities.contextPhone);
  }
  return found;
}

/** Highest priority first, then the longer span, then the earlier; a span taken is taken. */
function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  const ranked = [...candidates].sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const candidate of ranked) {
    if (kept.some((k) => candidate.start < k.end && k.start < candidate.end)) continue;
    kept.push(candidate);
  }
  return kept.filter((c) => c.kind !== 'url').sort((a, b) => a.start - b.start);
}
