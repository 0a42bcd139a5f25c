/**
 * Text helpers for fact extraction: digit folding that keeps every offset, the currency table,
 * and the small regular-expression pieces the detectors share. Pure, no I/O.
 */

/**
 * Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits become ASCII, the Arabic decimal
 * separator (٫) a dot and the Arabic thousands separator (٬) a comma. Every replaced character is
 * one UTF-16 unit and so is its replacement, so offsets in the result are offsets in the input.
 */
export function foldDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9\u066b\u066c]/g, (char) => {
    const code = char.charCodeAt(0);
    if (code === 0x066b) return '.';
    if (code === 0x066c) return ',';
    return String(code - (code >= 0x06f0 ? 0x06f0 : 0x0660));
  });
}

/** Not preceded / followed by a letter or digit (JavaScript's \b knows only ASCII). */
export const notAfterWord = '(?<![\\p{L}\\p{N}_])';
export const notBeforeWord = '(?![\\p{L}\\p{N}_])';

/** Arabic proclitics that may stick to a keyword: و ف ب ل and the article (بالطلب، للطلب، والتذكرة). */
export const arabicPrefix = '(?:[وف]?(?:بال|لل|ال|ب|ل)?)';

/** Currency spellings → ISO 4217 code. Longer spellings first so "ريال قطري" beats "ريال". */
const currencySpellings: Array<[string, string]> = [
  ['ريال سعودي', 'SAR'], ['ريال قطري', 'QAR'], ['ريال عماني', 'OMR'], ['ريال عُماني', 'OMR'],
  ['درهم إماراتي', 'AED'], ['درهم اماراتي', 'AED'], ['درهم مغربي', 'MAD'],
  ['جنيه مصري', 'EGP'], ['جنيه إسترليني', 'GBP'], ['جنيه استرليني', 'GBP'],
  ['دينار كويتي', 'KWD'], ['دينار أردني', 'JOD'], ['دينار اردني', 'JOD'], ['دينار بحريني', 'BHD'],
  ['دولار أمريكي', 'USD'], ['دولار امريكي', 'USD'],
  ['ريالات', 'SAR'], ['ريال', 'SAR'], ['ر.س.', 'SAR'], ['ر.س', 'SAR'],
  ['دراهم', 'AED'], ['درهم', 'AED'], ['د.إ.', 'AED'], ['د.إ', 'AED'], ['د.ا', 'AED'],
  ['جنيهات', 'EGP'], ['جنيه', 'EGP'], ['ج.م.', 'EGP'], ['ج.م', 'EGP'],
  ['دنانير', 'DINAR'], ['دينار', 'DINAR'], ['د.ك.', 'KWD'], ['د.ك', 'KWD'],
  ['دولارات', 'USD'], ['دولار', 'USD'], ['يورو', 'EUR'],
  ['SAR', 'SAR'], ['SR', 'SAR'], ['riyals', 'SAR'], ['riyal', 'SAR'],
  ['AED', 'AED'], ['dhs', 'AED'], ['dirhams', 'AED'], ['dirham', 'AED'],
  ['EGP', 'EGP'], ['L.E.', 'EGP'], ['USD', 'USD'], ['US$', 'USD'], ['dollars', 'USD'], ['dollar', 'USD'],
  ['EUR', 'EUR'], ['euros', 'EUR'], ['euro', 'EUR'],
  ['KWD', 'KWD'], ['QAR', 'QAR'], ['BHD', 'BHD'], ['OMR', 'OMR'], ['JOD', 'JOD'], ['MAD', 'MAD'], ['GBP', 'GBP'],
  ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'],
];

const currencyByFolded = new Map(currencySpellings.map(([spelling, code]) => [spelling.toLowerCase(), code]));

/** The regex alternation of every currency spelling, longest first. */
export const currencyPattern = currencySpellings
  .map(([spelling]) => spelling)
  .sort((a, b) => b.length - a.length)
  .map((spelling) => spelling.replace(/[.$^*+?()[\]{}|\\]/g, '\\$&'))
  .join('|');

/** The ISO code for a spelling matched by currencyPattern; 'DINAR' when the country is unnamed. */
export function currencyCode(spelling: string): string {
  return currencyByFolded.get(spelling.toLowerCase().replace(/\s+/g, ' ')) ?? spelling.toUpperCase();
}

/**
 * An amount: "1,500.75" (comma thousands), "12.50", "12,50" (comma decimal, two digits at most),
 * "349". Digits must be folded first.
 */
export const numberPattern = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d{1,3})?|\\d+(?:\\.\\d{1,3})?|\\d+,\\d{1,2}';

/** "1,500.75" → "1500.75", "12,50" → "12.50". */
export function normaliseAmount(number: string): string {
  if (/^\d+,\d{1,2}$/.test(number)) return number.replace(',', '.');
  return number.replace(/,/g, '');
}

/** Strip separators; a leading 00 becomes +. Digits must be folded first. */
export function normalisePhone(raw: string): string {
  const compact = raw.replace(/[\s\-.()\u200e\u200f]/g, '');
  return compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
}

export function digitCount(text: string): number {
  return (text.match(/\d/g) ?? []).length;
}
