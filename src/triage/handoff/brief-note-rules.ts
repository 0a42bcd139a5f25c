/**
 * The brief as the internal note that travels with a transfer: plain text, headed so the receiving
 * agent sees at once that it is the hand-off, each part on its own line, empty parts left out. Pure.
 */
import type { Brief, BriefLocale } from '../brief/index.ts';

const words = {
  en: { title: 'Hand-off brief', customer: 'Customer', facts: 'Facts', tried: 'Already tried', promised: 'Promised', open: 'Open question' },
  ar: { title: 'ملخص التسليم', customer: 'العميل', facts: 'المعلومات', tried: 'ما تمت تجربته', promised: 'الوعود', open: 'سؤال مفتوح' },
} as const;

export function briefNote(brief: Brief, locale: BriefLocale): string {
  const w = words[locale];
  const list = (items: readonly string[]) => items.map((item) => `• ${item}`).join('\n');
  const parts = [
    `${w.title}\n${brief.summary}`,
    `${w.customer}: ${brief.customer}`,
    brief.facts.length ? `${w.facts}: ${brief.facts.map((f) => `${f.kind} ${f.value}`).join(' · ')}` : null,
    brief.tried.length ? `${w.tried}:\n${list(brief.tried)}` : null,
    brief.promised.length ? `${w.promised}:\n${list(brief.promised)}` : null,
    brief.openQuestion ? `${w.open}: ${brief.openQuestion}` : null,
  ];
  return parts.filter((p): p is string => p !== null).join('\n\n');
}
