/**
 * A dialect guess for Arabic text from marker words. Markers were chosen by hand: words that are
 * frequent in everyday support chats of one dialect group and rare in Modern Standard Arabic.
 * Words shared by two groups carry half weight in each. No marker → 'msa'. Pure, no I/O.
 */

export const arabicDialects = ['msa', 'gulf', 'egyptian', 'levantine', 'maghrebi'] as const;
export type ArabicDialect = (typeof arabicDialects)[number];
type SpokenDialect = Exclude<ArabicDialect, 'msa'>;

/** Strip diacritics and tatweel, fold alef/yaa/taa-marbuta variants, so markers match one form. */
export function foldArabic(text: string): string {
  return text
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه');
}

function markers(weight: number, words: string): Array<[string, number]> {
  return words
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => [foldArabic(word), weight]);
}

const dialectMarkers: Record<SpokenDialect, Map<string, number>> = {
  egyptian: new Map([
    ...markers(2, 'عايز عايزه عاوز عاوزه عايزين ازاي إزاي دلوقتي دلوقت كده كدا بتاع بتاعي بتاعتي بتاعك بتاعها امتى إمتى النهارده معلش مفيش ماحدش محدش امبارح حاجه خالص اوي ليه ده دي برده بردو اهو اهي'),
    ...markers(2, 'بتاعه بتاعت بتاعة بتاعنا بتاعكم بتاعتك ينفع مكنه'),
    ...markers(1, 'مش لسه فين ماشي يعني بقى بقي'),
  ]),
  gulf: new Map([
    ...markers(2, 'ابي ابغى ابغي ابا يبي تبي يبغى تبغى نبي وش شلون وايد الحين هالحين حيل مب عطني عطوني ياخي شنهو هذي قاعد'),
    ...markers(2, 'بيزات شسوي يمديني اسوي'),
    ...markers(1, 'ليش وين مو شنو عشان علشان لين زين ذي ترى'),
  ]),
  levantine: new Map([
    ...markers(2, 'بدي بدك بدنا بدو بدها شو هلق هلأ هيك كتير منيح مبارح هاد هيدا هون قديش اديش تبعي تبعك تبع عم'),
    ...markers(1, 'ليش وين لسا مش'),
  ]),
  maghrebi: new Map([
    ...markers(2, 'بغيت بغينا بغا كنبغي واش دابا بزاف مزيان ديال ديالي ديالك كيفاش علاش هادشي والو صافي واخا غادي راه راني راك عافاك بصح شحال قداش خويا كنتسنا تاع نتاع ياسر'),
    // Darija loans and verbs of banking and shopping chats: the card, the account, the order, to send, to withdraw, to work.
    ...markers(2, 'جوج ليا كارط الكارط الكارطه لاكارط كونط الكونط لكونط الكوموند كوموند لابليكاسيون بغاش بغاتش مابغاش مابغاتش خدام خدامه ماخدامش كيخدم كتخدم صيفط صيفطت نصيفط جبد جبدت نجبد تسرقات سيمانه متاعي برشا'),
    ...markers(1, 'شنو فين ماشي مازال مزال دراهم'),
  ]),
};

const spokenDialects = Object.keys(dialectMarkers) as SpokenDialect[];

/** "ماوصلش", "ماعرفتش": the ما…ش negation of Egyptian and Maghrebi speech. */
const circumfixNegation = /^ما\S{2,}ش$/;
/** "اتخصم", "اتسرقت": the Egyptian passive اتـ on everyday verbs (MSA's اتّصل, اتّفق are not among them). */
const egyptianPassive = /^ات(?:خصم|سحب|سرق|قفل|رفض|حول|شحن|لغ|قطع|سجل|علق|بلع|حجز|اخر|مسح|بعت|دفع)/;

/** Arabizi markers for the same groups, for Arabic written in Latin letters. */
const latinMarkers: Record<SpokenDialect, Set<string>> = {
  egyptian: new Set('3ayez 3ayz 3awez 3ayza 3awza ezay ezzay izay delwa2ty dilwa2ti dlw2ty keda kda kida bta3 beta3 bta3i bta3y beta3y awi 2awi ma3lesh mafish mafeesh msh mesh 7aga leh fein feen fen'.split(' ')),
  gulf: new Set('abi abgha abghi wesh shlon shlonak wayed al7en il7een zain'.split(' ')),
  levantine: new Set('baddi biddi bade shu shou hal2 halla2 hala2 kteer kteir ktir mni7 heik hek lesh tab3i'.split(' ')),
  maghrebi: new Set('bghit bghina daba wash bzaf bezzaf mzyan mezyan diyal dyal hadshi hadchi walo safi wakha 3afak kifash 3lash dyali diali nheb n7eb makaynch makach mazal chno wach n9der kanbghi'.split(' ')),
};

export interface DialectGuess {
  dialect: ArabicDialect;
  /** The sum of marker weights of the winning dialect (0 for 'msa'). */
  evidence: number;
}

/** Guess the dialect of Arabic-script words (already folded or not). */
export function guessArabicDialect(words: readonly string[]): DialectGuess {
  const scores: Record<SpokenDialect, number> = { egyptian: 0, gulf: 0, levantine: 0, maghrebi: 0 };
  for (const raw of words) {
    const word = foldArabic(raw);
    // Conjunction prefixes (و, ف) hide a marker: "وعايز", "فبدي".
    const forms = word.length > 3 && /^[وف]/.test(word) ? [word, word.slice(1)] : [word];
    for (const dialect of spokenDialects) {
      const weight = Math.max(...forms.map((form) => dialectMarkers[dialect].get(form) ?? 0));
      scores[dialect] += weight;
    }
    if (egyptianPassive.test(word)) scores.egyptian += 1.5;
    if (circumfixNegation.test(word)) {
      scores.egyptian += 1;
      scores.maghrebi += 0.5;
    }
  }
  return pickDialect(scores);
}

/** Guess the dialect of Arabizi words; 'msa' when nothing points anywhere. */
export function guessArabiziDialect(words: readonly string[]): DialectGuess {
  const scores: Record<SpokenDialect, number> = { egyptian: 0, gulf: 0, levantine: 0, maghrebi: 0 };
  for (const word of words) for (const dialect of spokenDialects) if (latinMarkers[dialect].has(word)) scores[dialect] += 1;
  return pickDialect(scores);
}

function pickDialect(scores: Record<SpokenDialect, number>): DialectGuess {
  let best: DialectGuess = { dialect: 'msa', evidence: 0 };
  for (const dialect of spokenDialects) {
    if (scores[dialect] > best.evidence) best = { dialect, evidence: scores[dialect] };
  }
  return best;
}
