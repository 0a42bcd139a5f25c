/**
 * Folding quoted history and signatures in a plain-text body for display. Pure. The stored body
 * is never changed: this only says which part to show first, which to fold.
 *
 * Conservative on purpose: hiding a customer's words is worse than showing a quote twice. So
 * - a quote is folded only from a recognised header ("On … wrote:", "في … كتب:", Outlook's
 *   From/Sent block, "-----Original Message-----") or a trailing run of ">" lines;
 * - after "On … wrote:" only ">" lines may follow, else the customer answered inline (bottom
 *   posting) and nothing is folded;
 * - nothing is folded when it would leave nothing visible;
 * - forwarded messages stay visible: a customer forwards mail for us to read it.
 */
/** Bidi controls and zero-width characters (kept in step with threading-rules.ts: rules files share nothing but the kernel). */
const bidiControls = /[\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

export interface FoldedBody {
  visible: string;
  quoted: string;
  signature: string;
}

const clean = (line: string) => line.replace(bidiControls, '').trim();

const onWrote = /^on\b.{4,}\bwrote\s*:$/i;
const onWroteStart = /^on\b.{4,}$/i;
/** Gmail in Arabic: "في الأحد، 1 نوفمبر 2026 في 10:00 ص، أحمد <a@b> كتب:". */
const arabicWrote = /^في\s.{4,}\s(?:كتب|كتبت)\s*:$/u;
const arabicWroteStart = /^في\s.{4,}$/u;
const originalMessage = /^-{2,}\s*(?:original message|الرسالة الأصلية|ursprüngliche nachricht|message d'origine)\s*-{2,}$/iu;
const fromLine = /^(?:\*?from|من|von|de)\s*:\s*\S/iu;
const sentLine = /^(?:\*?sent|\*?date|تاريخ الإرسال|أرسلت|أُرسلت|التاريخ|gesendet|envoyé)\s*:/iu;
const toOrSubjectLine = /^(?:\*?to|\*?subject|إلى|الموضوع|an|betreff|à|objet)\s*:/iu;
const quotedLine = /^>/;
const forwardMarker = /^(?:-{2,}\s*(?:forwarded message|الرسالة المُعاد توجيهها|الرسالة المعاد توجيهها|weitergeleitete nachricht|message transféré)\s*-{2,}|begin forwarded message:|بداية الرسالة المعاد توجيهها:)$/iu;
const forwardSubject = /^\s*(?:fw|fwd|wg|tr|[إا]عادة توجيه|توجيه)\s*:/iu;
const signatureDelimiter = /^-- ?$/;
const mobileSignature = /^(?:sent from my\s.{1,40}|sent from (?:outlook|mail) for\s.{1,20}|get outlook for (?:ios|android)|sent from outlook|sent from yahoo mail.{0,30}|envoyé de mon\s.{1,30}|von meinem\s.{1,30}gesendet|(?:أرسلت|أُرسلت|مرسل|تم الإرسال)\s+من\s.{1,40})$/iu;

/** Where the quoted history starts, as a line index, or -1. */
function quoteStart(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = clean(lines[i] ?? '');
    const next = clean(lines[i + 1] ?? '');
    if (originalMessage.test(line)) return i;
    // Outlook's block: From, then Sent/Date within the next lines, then To or Subject.
    if (fromLine.test(line)) {
      const block = lines.slice(i + 1, i + 5).map(clean);
      // Outlook draws a line of underscores above the block; it belongs to the quote.
      if (block.some((l) => sentLine.test(l)) && block.some((l) => toOrSubjectLine.test(l))) return i > 0 && /^_{8,}$/.test(clean(lines[i - 1] ?? '')) ? i - 1 : i;
    }
    // "On … wrote:" on one line, or wrapped over two (Gmail wraps long sender names).
    const header = onWrote.test(line) || arabicWrote.test(line) ? 1
      : (onWroteStart.test(line) && /^.*\bwrote\s*:$/i.test(next)) || (arabicWroteStart.test(line) && /(?:كتب|كتبت)\s*:$/u.test(next)) ? 2 : 0;
    if (header && onlyQuotedAfter(lines, i + header)) return i;
  }
  // No header: a trailing run of ">" lines (blank lines allowed) is a quote; interleaved ones are an inline answer.
  let start = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = clean(lines[i] ?? '');
    if (quotedLine.test(line)) start = i;
    else if (line !== '') break;
  }
  return start;
}

function onlyQuotedAfter(lines: readonly string[], from: number): boolean {
  const rest = lines.slice(from).map(clean).filter((l) => l !== '');
  return rest.length > 0 && rest.every((l) => quotedLine.test(l));
}

/** Where the signature starts within the lines above the quote, or -1. */
function signatureStart(lines: readonly string[]): number {
  // "-- " delimiter: the last one wins; a "signature" of more than 15 lines is more likely text.
  for (let i = lines.length - 1; i > 0; i--) {
    if (signatureDelimiter.test((lines[i] ?? '').replace(bidiControls, '').trimStart())) {
      return lines.length - i <= 16 ? i : -1;
    }
  }
  // A mobile footer only counts as the last non-blank line.
  let last = lines.length - 1;
  while (last > 0 && clean(lines[last] ?? '') === '') last--;
  return last > 0 && mobileSignature.test(clean(lines[last] ?? '')) ? last : -1;
}

const join = (lines: readonly string[]) => lines.join('\n').replace(/\s+$/u, '');
const hasText = (lines: readonly string[]) => lines.some((l) => clean(l) !== '');

/** `subject`, when given, lets a forward (Fwd:, إعادة توجيه:) keep its forwarded part visible. */
export function foldQuotedReply(body: string, context: { subject?: string } = {}): FoldedBody {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  let q = quoteStart(lines);
  if (q !== -1 && !hasText(lines.slice(0, q))) q = -1;
  // What a customer forwards is for us to read, and Outlook's forward looks just like its reply.
  const forwarded = forwardSubject.test((context.subject ?? '').replace(bidiControls, ''));
  if (q !== -1 && (forwarded || lines.slice(0, q + 1).some((l) => forwardMarker.test(clean(l))))) q = -1;
  const above = q === -1 ? lines : lines.slice(0, q);
  const s = signatureStart(above);
  const keepSignature = s !== -1 && hasText(above.slice(0, s));
  return {
    visible: join(keepSignature ? above.slice(0, s) : above),
    signature: keepSignature ? join(above.slice(s)).trim() : '',
    quoted: q === -1 ? '' : join(lines.slice(q)),
  };
}
