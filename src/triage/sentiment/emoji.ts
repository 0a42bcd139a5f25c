/**
 * Emoji and emoticon polarity. Emoji are matched on their base code point (skin tones, gender
 * signs and variation selectors stripped), so 🤦‍♂️ reads as 🤦. 😂 and 😭 lean only a little: in
 * Arabic posts they are laughter at least as often as joy or grief. 🙄 😒 🙃 🤦 also mark sarcasm
 * when they sit next to praise (see read-sentiment.ts).
 */
export const emojiWeights: Readonly<Record<string, number>> = {
  '😡': -2, '🤬': -2, '😠': -2, '😤': -1.5, '💔': -1.5, '😞': -1.5, '😔': -1, '😢': -1.5, '😭': -0.5, '👎': -2,
  '🙄': -1, '😒': -1, '🤦': -1, '😩': -1.5, '😫': -1.5, '😖': -1, '😣': -1, '😕': -1, '🙁': -1, '☹': -1,
  '😑': -0.5, '💩': -1.5, '🤮': -2, '🤢': -1.5, '😓': -1, '😰': -1, '😱': -1, '🤯': -1, '🖕': -2, '😪': -1,
  '😊': 1.5, '😍': 2, '🥰': 2, '❤': 2, '♥': 1.5, '💙': 1.5, '💚': 1.5, '💛': 1.5, '💜': 1.5, '🧡': 1.5, '🤍': 1.5,
  '💗': 1.5, '💖': 1.5, '💕': 1.5, '💞': 1.5, '👍': 1.5, '👌': 1, '🙏': 1, '🌹': 1.5, '💐': 1.5, '😁': 1.5,
  '😃': 1.5, '😄': 1.5, '😀': 1, '🙂': 0.5, '😉': 1, '😘': 1.5, '🤩': 2, '✨': 1, '💯': 1.5, '🎉': 1.5,
  '🥳': 1.5, '👏': 1.5, '💪': 1, '✅': 1, '🤗': 1.5, '😎': 1, '🌷': 1, '🌸': 1, '☺': 1.5, '😇': 1,
  '😂': 0.3, '🤣': 0.3, '😅': 0.3, '🔥': 1, '⭐': 1, '🌟': 1, '🙌': 1.5,
};

/** Emoji that turn nearby praise into sarcasm. */
export const sarcasmEmoji: ReadonlySet<string> = new Set(['🙄', '😒', '🙃', '🤦']);

/** ASCII emoticons, longest first so ":-(" wins over ":(". */
const emoticons: ReadonlyArray<readonly [string, number]> = [
  [">:(", -2], [":'(", -1.5], [":-(", -1.5], [":-)", 1.5], [":-d", 1.5], [":(", -1.5], [":)", 1.5], [":d", 1.5],
  ["=)", 1], [";)", 1], ["<3", 2], [":/", -0.5], [":|", -0.3],
];

// Alternation, not a character class: joiners and selectors inside [] confuse readers and eslint.
const MODIFIERS = /[\u{1F3FB}-\u{1F3FF}]|\u200D|\uFE0E|\uFE0F|\u2640|\u2642/gu;
const PICTOGRAPH = /\p{Extended_Pictographic}/gu;

/** Each pictograph in the text with its count, in order of first appearance. */
export function findEmoji(text: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const [symbol] of text.replace(MODIFIERS, '').matchAll(PICTOGRAPH)) found.set(symbol, (found.get(symbol) ?? 0) + 1);
  return found;
}

const emoticonPatterns = emoticons.map(([e, w]) => [e, w, new RegExp(`(?:^|[\\s\\p{L}])${e.replace(/[()|/\\]/gu, '\\$&')}(?=$|\\s)`, 'u')] as const);

/** Emoticons ending a word or standing alone ("good:)", ":( why"), not inside "https://"; once each. */
export function emoticonsIn(text: string): Array<readonly [string, number]> {
  const lower = text.toLowerCase();
  return emoticonPatterns.filter(([, , pattern]) => pattern.test(lower)).map(([e, w]) => [e, w] as const);
}
