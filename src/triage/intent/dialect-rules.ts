/**
 * Dialect-aware canonical forms for the intent features, so that a customer writing in a dialect
 * the training data lacks shares features with the dialects it has (MSA and Palestinian).
 *
 * `canonicalDialectWords` works on normalised Arabic-script tokens (see normalize.ts): letters
 * used only in dialect writing (گ ڭ ڨ چ ڤ پ) folded to Arabic ones; dialect words mapped to one
 * form per meaning ("want": عايز، ابغى، بغيت، نحب → بدي; "money": فلوس، دراهم، بيزات → مصاري;
 * possessive ديال/بتاع/حق/متاع → تبع; loans such as كارط/كونط/الكيشي → بطاقه/حساب/الصراف); the
 * ما…ش negation split into ما + the verb; passive prefixes اتـ/انـ stripped from a few banking
 * verbs; the Maghrebi present prefix كـ / كا / تا stripped from a few verbs (كنبغي → بدي).
 * `arabiziToArabic` writes Arabizi (Arabic in Latin letters, 3 = ع, 7 = ح, 5 = خ, 9 = ق …) in
 * Arabic script, so that it can go through the same canonical forms.
 * The word lists come from general knowledge of Gulf, Egyptian, Levantine, Iraqi and Maghrebi
 * usage, not from any test set. Pure: no I/O; the kernel is not even needed.
 */

/** Bump when the rules change: a model remembers the version its features were computed with. */
export const DIALECT_RULES_VERSION = 1;

/** The normalisation of normalize.ts that matters for the keys here, and the dialect-only letters. */
export function foldDialectLetters(word: string): string {
  return word
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/[گڭڨ]/g, 'ق')
    .replace(/چ/g, 'ك')
    .replace(/ڤ/g, 'ف')
    .replace(/پ/g, 'ب')
    .replace(/ژ/g, 'ج')
    .replace(/ک/g, 'ك')
    .replace(/[یې]/g, 'ي')
    .replace(/[ۀە]/g, 'ه');
}

type Lexicon = Map<string, string>;

/** Function words and verb forms, matched whole (a leading و conjunction allowed). */
const words: Lexicon = new Map();
/** Nouns, matched with article / preposition clitics before and possessive endings after. */
const nouns: Lexicon = new Map();

function add(lexicon: Lexicon, target: string, variants: string): void {
  for (const variant of variants.split(/\s+/).filter(Boolean)) lexicon.set(foldDialectLetters(variant), foldDialectLetters(target));
}

// — wanting, asking —
add(words, 'بدي', 'ابي ابغى ابغي ابا ابغا عايز عاوز عايزه عاوزه بغيت كنبغي نبغي نبغى نحب حابب');
add(words, 'بدنا', 'عايزين عاوزين بغينا نبغو');
add(words, 'بدك', 'تبي تبغى تبغي بغيتي عايزه');
add(words, 'بدو', 'يبي يبغى يبغي بغا');
add(words, 'شو', 'وش شنو شنوا شنهو شنهي اش اشنو شنيه اشنوه ايش');
add(words, 'هل', 'واش');
add(words, 'ليش', 'علاش لاش علاه لويش');
add(words, 'كيف', 'ازاي ازاى كيفاش كيفاه شلون اشلون');
add(words, 'وين', 'فين فاين');
add(words, 'متي', 'امتي امتا ايمتي ايمتا وقتاش شوكت شوقت');
add(words, 'قديش', 'شحال قداش شكد اديش بكام');
add(words, 'كم', 'كام');
// — time —
add(words, 'الان', 'دلوقتي دلوقت الحين هالحين دحين الحينه هسه هسع هسا دابا درك ضرك توا');
add(words, 'لسا', 'لسه لساته مازال مزال مازالت للحين');
add(words, 'امس', 'امبارح مبارح البارح البارحه');
add(words, 'اليوم', 'النهارده النهاردا');
// — amount, negation, existence —
add(words, 'كتير', 'بزاف ياسر برشا وايد هوايه اوي');
add(words, 'مش', 'موش مو مب مهوش ماهوش ماهيش مانيش ماراهيش ماراهوش مراهيش');
add(words, 'في', 'كاين كاينه كاينين اكو');
add(words, 'ما في', 'مفيش مافيش ماكاينش مكاينش ماكو مكاش ماكانش');
add(words, 'ولا اشي', 'والو والوا');
add(words, 'اشي', 'حاجه');
add(words, 'اشياء', 'حاجات');
add(words, 'اثنين', 'اتنين تنين جوج');
add(words, 'ما بعرف', 'معرفش ماعرفش');
// — able, doing —
add(words, 'بقدر', 'اقدر اكدر نقدر نجم يمديني');
add(words, 'ممكن', 'ينفع يمدي');
add(words, 'اعمل', 'اسوي ندير نديرو');
add(words, 'عملت', 'سويت درت');
add(words, 'شو اعمل', 'شسوي شنسوي');
add(words, 'اعطيني', 'عطني عطيني عطوني');
add(words, 'عندكم', 'عدكم');
add(words, 'عندي', 'عدي');
add(words, 'هاد', 'ده هاذا');
add(words, 'هاي', 'هذي');
// — banking verbs —
add(words, 'ارسل', 'صيفط سيفط نصيفط نسيفط');
add(words, 'ارسلت', 'صيفطت سيفطت تصيفطات تسيفطات');
add(words, 'ارسلوا', 'صيفطو سيفطو');
add(words, 'سحب', 'جبد');
add(words, 'اسحب', 'نجبد');
add(words, 'سحبت', 'جبدت تجبدات');
add(words, 'سحبوا', 'جبدو تجبدو');
add(words, 'تعمل', 'خدام خدامه خدامين كتخدم كيخدم كاتخدم تيخدم');
add(words, 'اغير', 'نبدل');
add(words, 'اسكر', 'نسكر نسد');
add(words, 'حظر', 'بلوكا تبلوكا تبلوكات بلوكاو مبلوكي مبلوكيه');
add(words, 'سرقت', 'تشفرات تشفرت شفرو');
add(words, 'ضاعت', 'تلفات تلفاتلي تودرات');
add(words, 'ضيعت', 'ودرت');
add(words, 'وصلت', 'وصلات');
add(words, 'وصلتني', 'وصلاتني');
add(words, 'زبط', 'داز');
add(words, 'زبطت', 'دازت');
// — possession: ديال / بتاع / متاع / تاع / حق / مالت → تبع —
for (const [ending, target] of [['', ''], ['ي', 'ي'], ['ك', 'ك'], ['و', 'و'], ['ه', 'و'], ['ها', 'ها'], ['نا', 'نا'], ['كم', 'كم'], ['هم', 'هم']] as const) {
  add(words, `تبع${target}`, ['ديال', 'بتاع', 'بتاعت', 'متاع', 'تاع', 'نتاع'].map((base) => base + ending).join(' '));
  // Gulf حقي / حقك / حقنا / حقكم (not حقه or حقو: "its price", "his right").
  if (['ي', 'ك', 'نا', 'كم'].includes(ending)) add(words, `تبع${target}`, `حق${ending} حقت${ending}`);
}
add(words, 'تبعي', 'مالتي');
add(words, 'تبعك', 'مالتك');

// — nouns —
add(nouns, 'بطاقه', 'كارت كرت كارط كارطه كارته كارد');
add(nouns, 'حساب', 'كونط كونت كومبت كومت');
add(nouns, 'مصاري', 'فلوس دراهم بيزات صوارد');
add(nouns, 'تحويل', 'فيرمو فيرمون فيرمان');
add(nouns, 'صراف', 'قيشي قيشه جيشي ماكينه مكنه');
add(nouns, 'بنك', 'بانكا بانكه');
add(nouns, 'تطبيق', 'ابلكيشن ابليكيشن ابلكاشن ابليكاسيون بليكاسيون ابلكيشين');
add(nouns, 'تلفون', 'موبايل موبيل بورطابل بورتابل تليفون تيليفون');
add(nouns, 'رمز', 'كود');
add(nouns, 'اسبوع', 'سيمانه سمانه');
add(nouns, 'استرداد', 'ريفند ريفوند رمبورسمون');
add(nouns, 'رسوم', 'مصاريف');
add(nouns, 'عموله', 'كوميسيون');

/** Nouns whose canonical form is fixed, whatever clitics the dialect word carried. */
const fixedNouns: Lexicon = new Map();
add(fixedNouns, 'كلمه المرور', 'باسورد باسوورد الباسورد الباسوورد باسوردي');

/** Banking verbs whose passive takes اتـ (Egyptian), انـ (Levantine, Gulf) or تـ…ات (Maghrebi). */
const passiveStems = ['خصم', 'سرق', 'قفل', 'رفض', 'سحب', 'بلع', 'حجز', 'سكر', 'وقف', 'حول', 'لغي', 'قطع', 'شحن', 'رجع', 'علق', 'سجل'];
const passive = new RegExp(`^(?:ات|ان)(${passiveStems.join('|')})(.*)$`);
const maghrebiPassive = new RegExp(`^ت(${passiveStems.join('|')})ات(.*)$`);

const articles = ['', 'ال', 'ل', 'لا'];
// No ف: "فكرت" (I thought) is not ف + كرت.
const prepositions = ['', 'و', 'ب', 'ل', 'وب', 'ول'];
const possessives = ['', 'ي', 'ك', 'ه', 'ها', 'نا', 'كم', 'هم', 'و'];

function lookupNoun(word: string): string | undefined {
  for (const preposition of prepositions) {
    if (!word.startsWith(preposition)) continue;
    const rest = word.slice(preposition.length);
    for (const article of articles) {
      if (!rest.startsWith(article)) continue;
      const body = rest.slice(article.length);
      for (const ending of possessives) {
        if (!body.endsWith(ending)) continue;
        if (ending && article) continue; // "الكارتي" is not a word
        const stem = body.slice(0, body.length - ending.length);
        const target = nouns.get(stem);
        if (!target || stem.length < 2) continue;
        const base = ending && target.endsWith('ه') ? `${target.slice(0, -1)}ت` : target;
        // "لكارط" (Maghrebi article) and "لاكارط" (French la) both mean "the card".
        const definite = article !== '' || (preposition === 'ل' && !ending);
        const lead = preposition === 'ل' && definite ? 'لل' : definite ? `${preposition}ال` : preposition;
        return `${lead}${base}${ending}`;
      }
    }
  }
  return undefined;
}

function lookup(word: string): string | undefined {
  const direct = words.get(word) ?? fixedNouns.get(word) ?? lookupNoun(word);
  if (direct) return direct;
  // The conjunction glued on: "وعايز", "وبغيت".
  if (word.length > 3 && word.startsWith('و')) {
    const inner = words.get(word.slice(1)) ?? fixedNouns.get(word.slice(1));
    if (inner) return inner;
  }
  const egyptian = passive.exec(word);
  if (egyptian) return `${egyptian[1]}${egyptian[2]}`;
  const maghrebi = maghrebiPassive.exec(word);
  if (maghrebi) return `${maghrebi[1]}ت${maghrebi[2]}`;
  // Maghrebi present "كنبغي", "تانقدر": only verbs that take the prefix ("كتبي" stays "my books").
  const present = /^(?:كا|تا|ك)([نتي].{2,})$/.exec(word);
  if (present && presentVerbs.has(present[1] as string)) return words.get(present[1] as string);
  return undefined;
}

/** Maghrebi verbs in the imperfect that the present prefix كـ / كا / تا may precede. */
const presentVerbs = new Set(['نبغي', 'تبغي', 'يبغي', 'نقدر', 'ندير', 'نديرو', 'نبدل', 'نسكر', 'نصيفط', 'نسيفط', 'نجبد', 'نحب']);

const negation = /^ما(.{2,})ش$/;
const shortNegation = /^م([بتني].{3,})ش$/;

/** Canonical forms of normalised tokens; Latin tokens and unknown Arabic words pass unchanged. */
export function canonicalDialectWords(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const raw = tokens[i] as string;
    if (!/[\u0600-\u06FF]/.test(raw)) {
      out.push(raw);
      continue;
    }
    let word = foldDialectLetters(raw);
    // "جوج مرات" / "زوج مرات": twice.
    if ((word === 'جوج' || word === 'زوج') && tokens[i + 1] === 'مرات') {
      out.push('مرتين');
      i += 1;
      continue;
    }
    const known = words.has(word) || fixedNouns.has(word);
    if (!known) {
      // ما…ش: "ماوصلش" → ما وصل; "مبيشتغلش" → ما بيشتغل; "ما نقدرش" → ما نقدر.
      const circumfix = negation.exec(word) ?? shortNegation.exec(word);
      const previous = out[out.length - 1];
      if (circumfix) {
        out.push('ما');
        word = circumfix[1] as string;
      } else if (previous === 'ما' && word.length >= 4 && word.endsWith('ش')) {
        word = word.slice(0, -1);
      }
    }
    const mapped = lookup(word);
    out.push(...(mapped ?? word).split(' '));
  }
  return out;
}
