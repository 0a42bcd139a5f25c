/**
 * Arabizi — Arabic written in Latin letters, with digits for the sounds Latin lacks — in Arabic
 * script, so an Arabizi message can share features with the Arabic training text.
 *
 * Common usage across Egyptian, Levantine, Gulf and Maghrebi writers: 2 = ء, 3 = ع, 3' = غ,
 * 5 = خ, 6 = ط, 7 = ح, 7' = خ, 8 = غ, 9 = ق (ص for some Gulf writers; ق is the wider reading),
 * 9' = ض; digraphs sh/ch = ش, kh = خ, gh = غ, th = ث, dh = ذ, ou/oo/u = و, ee/i = ي. Short vowels
 * are not written in Arabic: a medial "a" is kept as ا only in an open syllable (3ayez → عايز,
 * nafs → نفس), "e" is dropped inside a word; a word-initial vowel is ا, a final "a" is ه after
 * three letters (7aga → حاجه) and ا in short words (ma, la, ana). Frequent function words, whose
 * vowels this cannot guess, come from a small table, and the article (el, al, il, l-) joins the
 * next word. The result goes through the same canonical forms as Arabic script
 * (dialect-rules.ts). Pure.
 */

/** Words whose spelling the letter rules would get wrong (short vowels, ق written as 2 or g). */
const table = new Map<string, string>();
function add(arabic: string, latin: string): void {
  for (const word of latin.split(/\s+/).filter(Boolean)) table.set(word, arabic);
}
add('ما', 'ma');
add('لا', 'la la2 lae');
add('و', 'w wa we wi u');
add('في', 'fi fe f');
add('علي', '3la 3ala 3al 3a ala');
add('من', 'mn men min mel mil');
add('انا', 'ana ena');
add('انت', 'enta inta enti inti nta nti');
add('هو', 'howa huwa hwa');
add('هي', 'heya hiya hya');
add('مش', 'msh mesh mish mush mosh mch mich mech mosh');
add('ما في', 'mafi mafish mafesh mafeesh makaynch makaynsh makach maku mako');
add('في', 'fih feeh kayn kayna aku');
add('ليش', 'leh lesh lech lish lich 3lash 3lach 3lech alash');
add('كيف', 'ezay ezzay izzay izay kifash kifach kif keef kef shlon chlon');
add('وين', 'fin fein feen wein wen wayn fen');
add('متي', 'emta imta imta2 emteh wa9tash');
add('شو', 'shu shou sho shno chno chnou ach ash wesh eh eih esh');
add('هل', 'wash wach');
add('الان', 'daba dlwa2ty delwa2ty dlw2ty delwa2ti hala2 halla2 hal2 hassa hassa3 el7in al7in l7in tawa drk');
add('كتير', 'bzaf bezzaf barsha barcha wayed kteer ktir kter ktiir awi 2awi hwaya');
add('لسا', 'lessa lesa lissa lsa lisa mazal mazel mazal ba2a');
add('بدي', 'baddi biddi bade badi abi abgha abghi abga 3ayez 3ayz 3awez 3ayza 3awza bghit bghyt nheb n7eb n7ib');
add('بدنا', '3ayzin 3ayzeen bghina');
add('بقدر', 'a2dar a2der agdar agder n9der n9dar nqder ne9der akdar 2dar');
add('ممكن', 'momken mumken mumkin mmkn yenfa3 ynfa3');
add('مصاري', 'flous floos flus fulus felous flouss masari masari fluus');
add('مصاريي', 'flousi floosi flusi masariyi');
add('بطاقه', 'bita2a beta2a bitaqa betaqa bta2a batga bitaga karta kart carte card');
add('بطاقتي', 'bita2ti beta2ti bitaqti karti carti');
add('حساب', '7sab 7esab 7isab hsab hesab 7ssab compte');
add('حسابي', '7sabi 7esabi 7isabi hsabi hesabi');
add('تحويل', 'ta7wil t7wil tahwil ta7weel virement');
add('تبعي', 'dyali diali dyal diyali bta3i beta3i bta3y taba3i tab3i ta3i nta3i mta3i 7a22i 7aggi');
add('تبع', 'dyal diyal bta3 beta3 taba3 tab3 ta3 nta3 mta3');
add('مرتين', 'marteen martin mrtin marrtein');
add('مره', 'marra mara mrra');
add('اليوم', 'lyoum elyom elyoum ennaharda nnaharda');
add('امس', 'embare7 imbare7 mbare7 lbare7 elbare7 albar7a');
add('شكرا', 'shokran shukran merci');

const articleWords = new Set(['el', 'al', 'il', 'l', 'le']);

/** The letters of one Latin word in Arabic script, letter by letter (vowels as described above). */
export function transliterateArabizi(word: string): string {
  const w = word.toLowerCase().replace(/’/g, "'");
  const vowels = 'aeiou';
  const isVowel = (i: number) => i < w.length && vowels.includes(w[i] as string);
  let out = '';
  let i = 0;
  while (i < w.length) {
    const two = w.slice(i, i + 2);
    const c = w[i] as string;
    const digraph: Record<string, string> = { "3'": 'غ', "7'": 'خ', "9'": 'ض', "6'": 'ظ', kh: 'خ', gh: 'غ', sh: 'ش', ch: 'ش', th: 'ث', dh: 'ذ', ou: 'و', oo: 'و', ee: 'ي', ei: 'ي', aa: 'ا' };
    if (digraph[two]) {
      // A word-initial long vowel still starts with alef: "oumour" → امور is rare; "ou" → او.
      out += i === 0 && vowels.includes(c) ? `ا${digraph[two]}` : digraph[two];
      i += 2;
      continue;
    }
    if (vowels.includes(c)) {
      if (i === 0) out += 'ا';
      else if (c === 'a') {
        const last = i === w.length - 1;
        if (last) out += w.length >= 4 ? 'ه' : 'ا';
        // open syllable: one consonant, then a vowel
        else if (!isVowel(i + 1) && isVowel(i + 2)) out += 'ا';
      } else if (c === 'i' || c === 'y') out += 'ي';
      else if (c === 'o' || c === 'u') out += 'و';
      // "e" inside a word is a short vowel: not written
      i += 1;
      continue;
    }
    const single: Record<string, string> = {
      '2': 'ء', '3': 'ع', '5': 'خ', '6': 'ط', '7': 'ح', '8': 'غ', '9': 'ق',
      b: 'ب', p: 'ب', t: 'ت', j: 'ج', g: 'ج', d: 'د', r: 'ر', z: 'ز', s: 'س', c: 'ك', f: 'ف', v: 'ف', q: 'ق',
      k: 'ك', l: 'ل', m: 'م', n: 'ن', h: 'ه', w: 'و', y: 'ي', x: 'كس',
    };
    const letter = single[c];
    if (letter) {
      const initialHamza = letter === 'ء' && out === '';
      const addition = initialHamza ? 'ا' : letter;
      // A doubled consonant is one letter in Arabic script (shadda is not written).
      if (!out.endsWith(addition) || vowels.includes(c)) out += addition;
    }
    i += 1;
  }
  // An initial hamza before a vowel: "2ader" → ادر, not ااد
  return out.replace(/^اا/, 'ا');
}

/** One Arabizi word in Arabic script: the table first, then the letter rules; an `l`/`el` glued on is the article. */
export function arabiziToArabic(word: string): string {
  const w = word.toLowerCase();
  const known = table.get(w);
  if (known) return known;
  // The ma…sh negation: "mawsletsh" → ما وصلت, "manajamch" → ما نجم.
  const negated = /^ma(.{3,})(?:sh|ch)$/.exec(w);
  if (negated && negated[1]) return `ما ${table.get(negated[1]) ?? transliterateArabizi(negated[1])}`;
  // Maghrebi "lflous", "l3onwan", "lcarte": the article written as l- without a vowel.
  const glued = /^(?:el|l)([^aeiou].+)$/.exec(w);
  if (glued && glued[1] && /[a-z0-9]/.test(glued[1])) {
    const rest = glued[1];
    const inner = table.get(rest) ?? transliterateArabizi(rest);
    if (!inner.includes(' ')) return `ال${inner}`;
  }
  return transliterateArabizi(w);
}

/** The Arabizi words of a message in Arabic script; "el card" → البطاقه-style article joining. */
export function arabiziWords(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let article = false;
  for (const token of tokens) {
    if (!/[a-z0-9]/.test(token) || /^\d+$/.test(token)) {
      article = false;
      continue;
    }
    if (articleWords.has(token)) {
      article = true;
      continue;
    }
    const arabic = arabiziToArabic(token).split(' ');
    if (article && arabic.length === 1 && !(arabic[0] as string).startsWith('ال')) arabic[0] = `ال${arabic[0] as string}`;
    out.push(...arabic);
    article = false;
  }
  return out;
}
