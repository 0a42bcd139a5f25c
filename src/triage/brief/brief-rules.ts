/**
 * The local hand-off brief: who the customer is, language, intent, key facts, what our side
 * already tried, what it promised, and the customer's open ask, read with phrase rules in Arabic
 * and English. Pure and deterministic (`now` comes in). Everything lives in this one file because
 * pure rule files may import only types from outside the kernel.
 */
import type { Brief, BriefFact, BriefInput, BriefLocale, BriefMessage } from './brief-types.ts';

const maxItems = 5;
const maxQuote = 160;
const maxFacts = 12;
/** Pasted logs and quoted email threads are cut before the phrase rules read them. */
const maxBodyRead = 4000;

type Action = 'password' | 'link' | 'refund' | 'replacement' | 'escalated' | 'checked' | 'asked';
/** First match names a sentence, so the specific actions come before the generic ones. */
const actionRules: Array<[Action, RegExp]> = [
  ['password', /\bpassword\b.{0,30}\breset\b|\breset\b.{0,30}\bpassword\b|(?:تعيين|تغيير|استعادة)\s+(?:كلمة|كلمه)\s+(?:المرور|السر)/iu],
  ['link', /https?:\/\/\S+|\bwww\.\S+\.\S+/iu],
  ['refund', /\brefund(?:ed|s)?\b|\bmoney back\b|استرداد|استرجاع المبلغ|إرجاع المبلغ|ارجاع المبلغ|رد المبلغ|ترجيع الفلوس/iu],
  ['replacement', /\breplacement\b|\bre-?ship(?:ped)?\b|\bresen[dt]\b|استبدال|إعادة (?:إرسال|شحن)|اعادة (?:ارسال|شحن)/iu],
  ['escalated', /\bescalat\w*|\b(?:forwarded|transferr?ed|handed (?:it )?over|raised)\b.{0,40}\b(?:team|department|manager|supervisor|specialist)\b|تصعيد|صعّدت|صعدت|رفعت (?:الطلب|الموضوع|البلاغ|شكوى)|حولت (?:الطلب|الموضوع|طلبك)/iu],
  ['checked', /\b(?:I|we)(?:'ve|’ve| have)? (?:checked|looked into|verified|confirmed|tracked|contacted|called)\b|تحققت|راجعت|تأكدت|تاكدت|تواصلت مع|تتبعت|اتصلت ب/iu],
  ['asked', /[?؟]\s*$|\b(?:I|we)(?:['’]ll| will) need\b|\b(?:could|can|would) you (?:please )?(?:send|share|give|provide|confirm|tell|check|try)\b|\bplease (?:send|share|provide|confirm|try)\b|(?<!\p{L})(?:يرجى|أرجو|ارجو|الرجاء|زودني|زودنا|ابعت لي|ابعث لي|أرسل لي|ارسل لي)(?!\p{L})/iu],
];
/** Greetings and "anything else?" are not attempts to solve anything. */
const smallTalk = /\bhow (?:can|may) I help\b|\banything else\b|كيف (?:أقدر|اقدر|يمكنني|ممكن) (?:أساعدك|اساعدك|مساعدتك)|(?:شيء|شي) (?:آخر|اخر|ثاني)/iu;

/** Commitments: "I'll / we will …", "you'll receive…", "within 3 days", سأ/سن/سيتم/راح/هنـ + a service verb. */
const arabicFuture = '(?:س[أانيت]|سوف\\s+[أانيت]?|راح\\s+[أانيت]?|رح\\s+[أانيت]?|[هح][نيت]|ب[أن])';
const serviceVerb = '(?:عيد|رجع|رسل|تصل|كلم|تابع|تواصل|قوم|عوض|بدل|شحن|صل|وصل|خبر|بلغ|راجع|حول|تم|حصل|ستلم|رد|حل|ساعد)';
const promiseRules: RegExp[] = [
  /\b(?:I|we)(?:['’]ll| will| shall|['’]m going to| am going to| are going to|['’]re going to) (?!need\b|have to\b|be (?:happy|glad)\b)/iu,
  /\byou(?:['’]ll| will) (?:receive|get|hear|be (?:contacted|refunded|called|notified|credited))\b|\bwill be (?:refunded|credited|shipped|delivered|processed|resolved|fixed|sent|replaced)\b/iu,
  /\b(?:promise|guarantee)\b|\bwithin \d+ (?:business |working )?(?:minutes?|hours?|days?|weeks?)\b/iu,
  // Egyptian first person has no person letter (هرجعلك), so only a few verbs count there: حصل would be "happened".
  new RegExp(`(?<!\\p{L})(?:${arabicFuture}${serviceVerb}|[هح](?:رجع|كلم|تصل|بعت|تابع))`, 'u'),
  /(?<!\p{L})(?:أعدك|اعدك|أوعدك|اوعدك|نعدك|وعد)(?!\p{L})|خلال\s+[\d٠-٩]+\s*(?:أيام|ايام|يوم|ساعة|ساعه|ساعات|دقيقة|دقائق|أسبوع|اسبوع)/u,
];

/** Customer asks: a question mark, a question word, or a request phrase, in either language. */
const askRule =
  /[?؟]\s*$|^(?:can|could|would|will|when|where|why|how|what|is|are|do|does|did|please)\b|\b(?:I want|I need|I'd like|I would like)\b|(?<!\p{L})(?:هل|متى|متي|وين|فين|أين|اين|كيف|ليش|ليه|لماذا|ايش|إيش|شو|ممكن|أريد|اريد|أبي|ابي|أبغى|ابغى|ابغي|عايز|عاوز|بدي|ودي|أرجو|ارجو|لو سمحت|من فضلك)(?!\p{L})/iu;

const words = {
  en: {
    languages: { ar: 'Arabic', 'ar-Latn': 'Arabizi (Arabic in Latin letters)', en: 'English', fr: 'French', und: 'an unknown language' } as Record<string, string>,
    dialects: { msa: 'Modern Standard', gulf: 'Gulf', egyptian: 'Egyptian', levantine: 'Levantine', maghrebi: 'Maghrebi' } as Record<string, string>,
    labels: {} as Record<string, string>,
    actions: { password: 'Password reset', link: 'Sent a link', refund: 'Refund', replacement: 'Replacement', escalated: 'Escalated', checked: 'Checked', asked: 'Asked', note: 'Note', transfer: 'Transferred' } as Record<string, string>,
    open: ['“', '”'], unnamed: 'Unnamed customer', first: 'first conversation', sep: ', ',
    earlier: (n: number) => `${n} earlier conversation${n === 1 ? '' : 's'}`,
    since: (d: string) => `customer since ${d}`,
    units: ['min', 'h', 'd'],
  },
  ar: {
    languages: { ar: 'العربية', 'ar-Latn': 'العربيزي (عربية بحروف لاتينية)', en: 'الإنجليزية', fr: 'الفرنسية', und: 'لغة غير معروفة' } as Record<string, string>,
    dialects: { msa: 'الفصحى', gulf: 'الخليجية', egyptian: 'المصرية', levantine: 'الشامية', maghrebi: 'المغاربية' } as Record<string, string>,
    labels: {
      chat: 'الدردشة', email: 'البريد الإلكتروني', sms: 'الرسائل النصية', whatsapp: 'واتساب', telegram: 'تيليجرام', callback: 'طلب اتصال', api: 'الواجهة البرمجية',
      open: 'مفتوحة', pending: 'بانتظار العميل', resolved: 'محلولة', closed: 'مغلقة', low: 'منخفضة', normal: 'عادية', high: 'عالية', urgent: 'عاجلة',
      negative: 'سلبية', positive: 'إيجابية', neutral: 'محايدة', medium: 'متوسطة', critical: 'حرجة',
    } as Record<string, string>,
    actions: { password: 'إعادة تعيين كلمة المرور', link: 'أُرسل رابط', refund: 'استرداد', replacement: 'استبدال', escalated: 'تصعيد', checked: 'تحقق', asked: 'سؤال للعميل', note: 'ملاحظة داخلية', transfer: 'تحويل' } as Record<string, string>,
    open: ['«', '»'], unnamed: 'عميل بلا اسم', first: 'أول محادثة', sep: '، ',
    earlier: (n: number) => `محادثات سابقة: ${n}`,
    since: (d: string) => `عميل منذ ${d}`,
    units: ['دقيقة', 'ساعة', 'يوم'],
  },
};
type Words = (typeof words)['en'];

/** Build the brief from the conversation alone; `locale` is the reading agent's UI language. */
export function buildLocalBrief(input: BriefInput, locale: BriefLocale = 'en'): Brief {
  const w = words[locale];
  const { tried, promised } = readOurSide(input, w);
  const open = openAsk(input.messages);
  const intent = input.triage.intent && input.triage.intent.label !== 'oos' ? input.triage.intent.label : null;
  const language = languageName(input, w);
  const openQuestion = open ? quote(open.sentence, 300) : null;
  return {
    summary: summarise(input, locale, { language, intent, openQuestion, openAt: open?.at ?? null, promised }),
    customer: customerLine(input, w),
    language,
    intent,
    facts: uniqueFacts(input.triage.facts),
    tried,
    promised,
    openQuestion,
    source: 'local',
  };
}

/** Messages from agents, the bot and notes become what was tried; agent and bot commitments become promises. */
function readOurSide(input: BriefInput, w: Words): { tried: string[]; promised: string[] } {
  const tried: Array<{ at: number; text: string }> = [];
  const promised: string[] = [];
  const said = (s: string): string => `${w.open[0]}${quote(s, maxQuote)}${w.open[1]}`;
  for (const m of input.messages) {
    if (m.kind === 'customer' || m.kind === 'system') continue;
    const who = m.authorName?.trim() || m.kind;
    const found = new Map<string, string>();
    for (const sentence of sentences(m.body)) {
      // Notes are internal, so they can't promise the customer anything; they still record what was done.
      if (m.kind !== 'note' && promiseRules.some((r) => r.test(sentence))) {
        promised.push(quote(sentence, 200));
        continue;
      }
      const action = m.kind === 'note' ? 'note' : actionRules.find(([, r]) => r.test(sentence) && !smallTalk.test(sentence))?.[0];
      if (action && !found.has(action)) found.set(action, sentence);
    }
    if (m.kind === 'note' && found.size === 0 && m.body.trim()) found.set('note', m.body);
    for (const [action, sentence] of found) tried.push({ at: m.createdAt.getTime(), text: `${w.actions[action]} (${who}): ${said(sentence)}` });
  }
  for (const t of input.transfers) {
    tried.push({ at: t.at.getTime(), text: `${w.actions.transfer} (${t.from} → ${t.to}): ${said(t.reason)}` });
  }
  // Stable sort keeps message order within one instant; the latest attempts matter most.
  const ordered = tried.sort((a, b) => a.at - b.at).map((t) => t.text);
  return { tried: lastUnique(ordered), promised: lastUnique(promised) };
}

/**
 * The latest ask in the customer messages after the last agent reply. Bot replies and notes do not
 * answer: a bot handing over usually means the bot could not answer.
 */
function openAsk(messages: readonly BriefMessage[]): { sentence: string; at: Date } | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (!m || m.kind === 'agent') return null;
    if (m.kind !== 'customer') continue;
    const ask = sentences(m.body).reverse().find((s) => askRule.test(s));
    if (ask) return { sentence: ask, at: m.createdAt };
  }
  return null;
}

function summarise(
  input: BriefInput,
  locale: BriefLocale,
  b: { language: string; intent: string | null; openQuestion: string | null; openAt: Date | null; promised: string[] },
): string {
  const w = words[locale];
  const { customer: person, conversation: c, triage: t } = input;
  const name = person.name?.trim() || w.unnamed;
  const label = (s: string): string => w.labels[s] ?? s;
  const topic = b.intent ? b.intent.replace(/[_-]+/g, ' ') : null;
  const unsure = (t.intent?.confidence ?? 1) < 0.5;
  const transfers = input.transfers.length;
  const why = (list: readonly string[]): string => (list.length > 0 ? ` (${list.slice(0, 3).join(w.sep)})` : '');
  const lines: string[] = [];
  if (locale === 'en') {
    const about = topic ? ` about ${topic}${unsure ? ' (uncertain)' : ''}` : '';
    lines.push(input.messages.length === 0 ? `${name} opened a conversation via ${c.channel}; no messages yet.` : `${name} wrote via ${c.channel} in ${b.language}${about}.`);
    const who = [c.ownerName ? `with ${c.ownerName}` : '', c.teamName ? `in ${c.teamName}` : ''].filter(Boolean).join(' ');
    const moved = transfers > 0 ? `; transferred ${transfers} time${transfers === 1 ? '' : 's'}` : '';
    lines.push(`Conversation #${c.number} is ${c.status}, ${c.priority} priority${who ? `, ${who}` : ''}${moved}.`);
    const mood = [t.sentiment ? `Sentiment ${t.sentiment.label}` : '', t.urgency ? `urgency ${t.urgency.level}${why(t.urgency.reasons)}` : ''].filter(Boolean).join('; ');
    if (mood) lines.push(`${mood.charAt(0).toUpperCase()}${mood.slice(1)}.`);
  } else {
    const about = topic ? `، الموضوع: ${topic}${unsure ? ' (غير مؤكد)' : ''}` : '';
    lines.push(input.messages.length === 0 ? `فتح ${name} محادثة عبر ${label(c.channel)} ولا رسائل بعد.` : `تواصل من ${name} عبر ${label(c.channel)}، اللغة: ${b.language}${about}.`);
    const who = [c.ownerName ? `مع ${c.ownerName}` : '', c.teamName ? `في فريق ${c.teamName}` : ''].filter(Boolean).join(' ');
    const moved = transfers > 0 ? `، وحُوّلت ${transfers} مرة` : '';
    lines.push(`المحادثة رقم ${c.number} ${label(c.status)} وأولويتها ${label(c.priority)}${who ? `، ${who}` : ''}${moved}.`);
    const mood = [t.sentiment ? `المشاعر ${label(t.sentiment.label)}` : '', t.urgency ? `الاستعجال ${label(t.urgency.level)}${why(t.urgency.reasons)}` : ''].filter(Boolean).join('، ');
    if (mood) lines.push(`${mood}.`);
  }
  const [l, r] = w.open;
  if (b.openQuestion && b.openAt) {
    const waited = age(input.now.getTime() - b.openAt.getTime(), w);
    lines.push(locale === 'en' ? `Waiting ${waited} for an answer to ${l}${quote(b.openQuestion, 120)}${r}.` : `سؤال ينتظر الرد منذ ${waited}: ${l}${quote(b.openQuestion, 120)}${r}.`);
  } else if (b.promised.length > 0) {
    const last = `${l}${quote(b.promised.at(-1) ?? '', 120)}${r}`;
    lines.push(locale === 'en' ? `Promises to keep: ${b.promised.length}, latest ${last}.` : `وعود يجب الوفاء بها: ${b.promised.length}، آخرها ${last}.`);
  }
  return lines.join(' ');
}

function customerLine(input: BriefInput, w: Words): string {
  const p = input.customer;
  // Visitor ids are opaque cookies; they tell the agent nothing.
  const ids = p.identities.filter((i) => i.kind !== 'visitor').slice(0, 4).map((i) => i.value);
  return [
    p.name?.trim() || w.unnamed,
    p.tier?.trim() ?? '',
    ids.join(w.sep),
    p.earlierConversations > 0 ? w.earlier(p.earlierConversations) : w.first,
    w.since(p.contactSince.toISOString().slice(0, 10)),
  ].filter(Boolean).join(' · ');
}

function languageName(input: BriefInput, w: Words): string {
  const code = input.triage.language ?? input.conversation.language ?? 'und';
  const name = w.languages[code] ?? code;
  const dialect = input.triage.dialect && code.startsWith('ar') ? w.dialects[input.triage.dialect] : undefined;
  return dialect ? `${name} (${dialect})` : name;
}

/** Each fact once: the same kind and value, spelled with other spacing or case, is the same fact. */
function uniqueFacts(facts: readonly BriefFact[]): BriefFact[] {
  const seen = new Set<string>();
  const kept: BriefFact[] = [];
  for (const f of facts) {
    const value = f.value.trim().replace(/\s+/g, ' ');
    const key = `${f.kind}\u0000${value.toLowerCase()}`;
    if (!value || seen.has(key)) continue;
    seen.add(key);
    kept.push({ kind: f.kind, value });
  }
  return kept.slice(0, maxFacts);
}

function sentences(body: string): string[] {
  return body
    .slice(0, maxBodyRead)
    .split(/(?<=[.!?؟…])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** One line, cut at a word boundary so a quote never ends mid-word. */
function quote(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** The latest distinct items, oldest of them first. */
function lastUnique(items: string[]): string[] {
  const kept: string[] = [];
  for (let i = items.length - 1; i >= 0 && kept.length < maxItems; i--) {
    const item = items[i];
    if (item !== undefined && !kept.includes(item)) kept.unshift(item);
  }
  return kept;
}

function age(ms: number, w: Words): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 120) return `${minutes} ${w.units[0]}`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} ${w.units[1]}`;
  return `${Math.round(minutes / 1440)} ${w.units[2]}`;
}
