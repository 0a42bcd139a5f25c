/**
 * Words that change the weight of their neighbours rather than carry polarity themselves:
 * negators flip, intensifiers strengthen, diminishers soften, contrast words shift weight to what
 * follows. Lists per script; written as typed and normalised on load like the lexicons.
 */

/** Flip the next polar word within a short window ("not very good", "ما حد يرد", "mish 3agbni"). */
export const negators: readonly string[] = [
  // English; "n't" is expanded to " not" before tokenising, the bare forms cover missing apostrophes.
  'not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'without', 'cannot', 'dont', 'doesnt',
  'didnt', 'isnt', 'wasnt', 'arent', 'werent', 'cant', 'couldnt', 'wont', 'wouldnt', 'havent', 'hasnt', 'hardly', 'barely',
  // Arabic: MSA, Egyptian (مش، مفيش، محدش), Gulf (مو، مب، ماكو، محد), Levantine (مش، ما في), Maghrebi (موش، ماشي is left out: it is also "ok").
  'ما', 'مش', 'مو', 'مب', 'موب', 'مهو', 'مهي', 'ماهو', 'ماهي', 'ليس', 'ليست', 'لست', 'لسنا', 'لا', 'لم', 'لن',
  'غير', 'بدون', 'دون', 'مافي', 'ما في', 'مافيش', 'مفيش', 'ماكو', 'محد', 'ماحد', 'محدش', 'ولا', 'مهوش', 'موش',
  'مكانش', 'ماكان', 'عمري ما', 'عمره ما', 'ما حدا', 'ما حد', 'ولا حدا', 'ولا حد',
  // Arabizi.
  'mish', 'mesh', 'msh', 'mush', 'mosh', 'mo', 'mu', 'mub', 'mafi', 'mafish', 'mafeesh', 'mafesh', 'ma7ad', 'm7d',
  'mahad', 'wala', 'la2',
];

/** Short Arabizi negators that collide with other languages; used only when the text looks like Arabizi. */
export const arabiziOnlyNegators: readonly string[] = ['ma', 'la'];

/** Strengthen a polar word next to them: before it in English, after it in Arabic ("زفت خالص"). */
export const intensifiers: readonly string[] = [
  'very', 'so', 'really', 'extremely', 'too', 'totally', 'absolutely', 'completely', 'super', 'incredibly',
  'truly', 'utterly', 'seriously', 'such', 'highly', 'most', 'literally',
  'جدا', 'كتير', 'كثير', 'أوي', 'قوي', 'خالص', 'للغاية', 'مرة', 'مره', 'وايد', 'بزاف', 'برشا', 'ياسر', 'بالمرة',
  'تماما', 'بجد', 'فعلا', 'جداً', 'أكثر',
  'awi', '2awi', 'awy', '2awy', 'geddan', 'gedan', 'jiddan', 'jedan', 'kteer', 'ktir', 'kter', 'wayed', 'wayid',
  'bzaf', 'bezzaf', 'barsha', 'barcha', 'marra', 'khales', '5ales', '5alis', 'b2a',
];

/** Soften a polar word next to them ("a bit slow", "شوية بطيء"). */
export const diminishers: readonly string[] = [
  'bit', 'slightly', 'kinda', 'kind of', 'somewhat', 'little', 'fairly', 'quite',
  'شوي', 'شوية', 'شويه', 'نوعا ما', 'بعض الشيء', 'شي', 'shway', 'shwaya', 'shwya', 'shwia',
];

/** What follows counts more than what precedes: "thanks, but it still does not work". */
export const contrasts: readonly string[] = ['but', 'however', 'though', 'although', 'yet', 'لكن', 'ولكن', 'بس', 'bas', 'bs', 'lakin'];

/** Phrases that look polar word by word but are not ("no thanks", "لا شكرا"): consumed with no weight. */
export const inertPhrases: readonly string[] = [
  'no thanks', 'no thank you', 'thanks in advance', 'thank you in advance', 'not only', 'no worries',
  'لا شكرا', 'شكرا مقدما', 'شكرا مسبقا', 'ولا يهمك', 'مش مشكلة', 'مو مشكلة', 'لا مشكلة', 'ما في مشكلة', 'مافي مشكلة',
  'لا بأس', 'ولا مرة', 'msh moshkela', 'mafi moshkela',
];

/** Phrases that make a positive word read as sarcasm ("oh great, again", "يا سلام"). */
export const sarcasmPhrases: readonly string[] = ['yeah right', 'oh great', 'just great', 'just perfect', 'oh wonderful', 'يا سلام', 'يا سلااام', 'ya salam', 'يا فرحتي'];

/** Question words that, stretched ("ليييش", "whyyy"), read as exasperation. */
export const questionWords: readonly string[] = ['why', 'where', 'when', 'how', 'please', 'pls', 'plz', 'ليش', 'ليه', 'لماذا', 'وين', 'فين', 'متى', 'امتى', 'إمتى', 'lesh', 'leh', 'fen', 'wen', 'emta'];
