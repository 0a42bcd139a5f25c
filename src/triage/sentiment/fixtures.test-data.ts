/**
 * Support messages written for Sanad's sentiment tests: English, MSA, Egyptian, Gulf, Levantine,
 * Maghrebi, Arabizi and mixed text, each with the label a support agent would give it and, where it
 * matters, the cue that should explain it. Not taken from any dataset; not for benchmarks.
 */
import type { SentimentLabel } from './read-sentiment.ts';

export interface SentimentFixture {
  text: string;
  label: SentimentLabel;
  variety: 'en' | 'msa' | 'egyptian' | 'gulf' | 'levantine' | 'maghrebi' | 'arabizi' | 'mixed';
  cue?: string;
  language?: string;
}

export const sentimentFixtures: readonly SentimentFixture[] = [
  // English complaints.
  { variety: 'en', text: 'This is the third time I am contacting you about this', label: 'negative', cue: 'lexicon:third time' },
  { variety: 'en', text: 'Worst service ever', label: 'negative', cue: 'lexicon:worst' },
  { variety: 'en', text: 'The app is not good at all', label: 'negative', cue: 'negated:good' },
  { variety: 'en', text: "I don't like the new update", label: 'negative', cue: 'negated:like' },
  { variety: 'en', text: 'My order still has not arrived', label: 'negative', cue: 'negated:arrived' },
  { variety: 'en', text: 'It still does not work', label: 'negative' },
  { variety: 'en', text: 'Nobody is answering, this is ridiculous', label: 'negative', cue: 'lexicon:ridiculous' },
  { variety: 'en', text: 'I am so frustrated with this company', label: 'negative', cue: 'intensified:frustrat' },
  { variety: 'en', text: 'Still waiting for a reply', label: 'negative', cue: 'lexicon:still waiting' },
  { variety: 'en', text: 'WORST experience', label: 'negative', cue: 'caps:WORST' },
  { variety: 'en', text: 'WHERE IS MY REFUND', label: 'negative', cue: 'caps:shouting' },
  { variety: 'en', text: 'where is my order???', label: 'negative', cue: 'punct:??' },
  { variety: 'en', text: 'whyyyy is it always broken', label: 'negative' },
  { variety: 'en', text: 'Thanks for nothing', label: 'negative', cue: 'lexicon:thanks for nothing' },
  { variety: 'en', text: 'Oh great, the app crashed again 🙄', label: 'negative', cue: 'sarcasm:oh great' },
  { variety: 'en', text: 'Yeah right, amazing support', label: 'negative', cue: 'sarcasm:yeah right' },
  { variety: 'en', text: 'Thanks, but it still does not work', label: 'negative' },
  { variety: 'en', text: 'waste of time 😡', label: 'negative', cue: 'emoji:😡' },
  // English thanks and neutral requests.
  { variety: 'en', text: 'Thank you so much, you are amazing!', label: 'positive', cue: 'lexicon:thank you' },
  { variety: 'en', text: 'Great job, problem solved', label: 'positive' },
  { variety: 'en', text: 'It works now, thanks a lot', label: 'positive', cue: 'lexicon:thanks' },
  { variety: 'en', text: 'Not bad at all', label: 'positive', cue: 'negated:bad' },
  { variety: 'en', text: 'very helpful agent 👍', label: 'positive', cue: 'emoji:👍' },
  { variety: 'en', text: 'How do I change my delivery address?', label: 'neutral' },
  { variety: 'en', text: 'Please send me the invoice for order 4471', label: 'neutral' },
  { variety: 'en', text: 'No thanks, that is all', label: 'neutral' },
  // MSA.
  { variety: 'msa', text: 'الخدمة ليست جيدة', label: 'negative', cue: 'negated:جيد' },
  { variety: 'msa', text: 'ليس جيدا على الإطلاق', label: 'negative', cue: 'negated:جيد' },
  { variety: 'msa', text: 'للأسف لم يصل الطلب حتى الآن', label: 'negative' },
  { variety: 'msa', text: 'هذه أسوأ خدمة عملاء', label: 'negative', cue: 'lexicon:اسوا' },
  { variety: 'msa', text: 'أنا مستاء جدا من التأخير', label: 'negative', cue: 'intensified:مستاء' },
  { variety: 'msa', text: 'شكرا جزيلا على المساعدة', label: 'positive', cue: 'lexicon:شكرا جزيلا' },
  { variety: 'msa', text: 'خدمة ممتازة وسريعة', label: 'positive', cue: 'lexicon:ممتاز' },
  { variety: 'msa', text: 'ما أجمل هذه الخدمة', label: 'positive', cue: 'lexicon:اجمل' },
  { variety: 'msa', text: 'أريد تغيير عنوان التوصيل', label: 'neutral' },
  { variety: 'msa', text: 'متى موعد التسليم؟', label: 'neutral' },
  // Egyptian.
  { variety: 'egyptian', text: 'الخدمة مش كويسة خالص', label: 'negative', cue: 'negated:كويس' },
  { variety: 'egyptian', text: 'قرفتوني بجد', label: 'negative', cue: 'lexicon:قرف' },
  { variety: 'egyptian', text: 'محدش بيرد عليا', label: 'negative', cue: 'lexicon:محدش بيرد' },
  { variety: 'egyptian', text: 'الأوردر ماوصلش لحد دلوقتي', label: 'negative', cue: 'negated:وصل' },
  { variety: 'egyptian', text: 'الخدمة زفت خالص', label: 'negative', cue: 'intensified:زفت' },
  { variety: 'egyptian', text: 'المنتج ماعجبنيش', label: 'negative', cue: 'negated:عجبني' },
  { variety: 'egyptian', text: 'مش وحش', label: 'positive', cue: 'negated:وحش' },
  { variety: 'egyptian', text: 'متشكر جدا يا فندم', label: 'positive', cue: 'lexicon:متشكر' },
  { variety: 'egyptian', text: 'الخدمة تحفة والمندوب محترم', label: 'positive', cue: 'lexicon:تحفه' },
  { variety: 'egyptian', text: 'عايز أعرف الطلب هيوصل امتى', label: 'neutral' },
  // Gulf.
  { variety: 'gulf', text: 'ما حد يرد', label: 'negative', cue: 'lexicon:ما حد يرد' },
  { variety: 'gulf', text: 'الخدمة مو زينة', label: 'negative', cue: 'negated:زينه' },
  { variety: 'gulf', text: 'طفشتوني والله', label: 'negative', cue: 'lexicon:طفشتوني' },
  { variety: 'gulf', text: 'ماعجبني التطبيق الجديد', label: 'negative', cue: 'negated:عجبني' },
  { variety: 'gulf', text: 'ليييش ما وصل الطلب', label: 'negative', cue: 'elongated:ليش' },
  { variety: 'gulf', text: 'الله يعطيك العافية ما قصرت', label: 'positive' },
  { variety: 'gulf', text: 'مشكورين وايد', label: 'positive', cue: 'intensified:مشكور' },
  { variety: 'gulf', text: 'ابي اغير رقم الجوال', label: 'neutral' },
  // Levantine.
  { variety: 'levantine', text: 'الخدمة كتير سيئة', label: 'negative', cue: 'intensified:سيئ' },
  { variety: 'levantine', text: 'هاي تالت مرة بحكي معكم', label: 'negative', cue: 'lexicon:تالت مره' },
  { variety: 'levantine', text: 'مش منيح أبدا', label: 'negative', cue: 'negated:منيح' },
  { variety: 'levantine', text: 'يسلمو ايديكم الخدمة كتير منيحة', label: 'positive' },
  { variety: 'levantine', text: 'بدي غير كلمة السر', label: 'neutral' },
  // Maghrebi.
  { variety: 'maghrebi', text: 'الخدمة خايبة بزاف', label: 'negative', cue: 'intensified:خايب' },
  { variety: 'maghrebi', text: 'ماعجبنيش هاد الشي', label: 'negative', cue: 'negated:عجبني' },
  { variety: 'maghrebi', text: 'الخدمة مزيانة بزاف شكرا', label: 'positive' },
  { variety: 'maghrebi', text: 'باهي برشا يعطيك الصحة', label: 'positive', cue: 'intensified:باهي' },
  // Arabizi.
  { variety: 'arabizi', text: 'mish 3agbni el service', label: 'negative', cue: 'negated:3agbni' },
  { variety: 'arabizi', text: 'el service zift', label: 'negative', cue: 'lexicon:zift' },
  { variety: 'arabizi', text: 'ma3gbnish', label: 'negative', cue: 'negated:3gbni', language: 'ar-Latn' },
  { variety: 'arabizi', text: 'shukran ktir, 7elw awi', label: 'positive' },
  { variety: 'arabizi', text: 'ana 3ayez a3raf el order fen', label: 'neutral', language: 'ar-Latn' },
  // Mixed script.
  { variety: 'mixed', text: 'the app زفت and nobody helps', label: 'negative', cue: 'lexicon:زفت' },
  { variety: 'mixed', text: 'شكرا the issue is fixed', label: 'positive' },
  { variety: 'mixed', text: 'الـ refund لسه ما وصل', label: 'negative', cue: 'negated:وصل' },
  { variety: 'mixed', text: 'يا سلام على الخدمة الحلوة 🙄', label: 'negative' },
];
