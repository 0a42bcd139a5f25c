import type { Conversation } from '../api/types';

/**
 * Folds text for matching: lower case, Arabic-Indic and Persian digits to 0-9, Arabic diacritics
 * and tatweel dropped, alef forms (أ إ آ) to ا, so "أحمد" finds "احمد" and "#١٢" finds #12.
 */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[\u0622\u0623\u0625]/g, '\u0627')
    .trim();
}

/** Does a loaded inbox item match what the agent typed in the search box? Every word must match. */
export function matchesSearch(conversation: Conversation, contactName: string | null, query: string): boolean {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldForSearch(
    [`#${conversation.number}`, contactName ?? '', conversation.subject ?? '', ...conversation.tags.map((t) => `${t} #${t}`)].join(' '),
  );
  return words.every((word) => {
    if (/^#\d+$/.test(word)) return word === `#${conversation.number}`;
    if (/^\d+$/.test(word) && word === String(conversation.number)) return true;
    return haystack.includes(word);
  });
}
