/**
 * A small bilingual fixture for the intent tests: twelve support intents, a few English and
 * Arabic (MSA, Gulf, Levantine, Egyptian) examples each, written for Sanad. Not for benchmarks.
 */
import type { IntentExample } from './train.ts';

const raw: Record<string, { en: string[]; ar: string[] }> = {
  card_arrival: {
    en: ['my card has not arrived yet', 'when will my new card arrive', 'still waiting for my card to be delivered', 'the card you sent never came'],
    ar: ['لم تصل بطاقتي بعد', 'متى ستصل البطاقة الجديدة', 'ما زلت أنتظر وصول البطاقة', 'وين البطاقة لسه ما وصلت', 'البطاقة ما وصلتش لحد دلوقتي'],
  },
  lost_card: {
    en: ['i lost my card', 'my card was stolen', 'someone stole my wallet with my card', 'i cannot find my card anywhere'],
    ar: ['فقدت بطاقتي', 'سرقت بطاقتي', 'ضاعت البطاقة مني', 'ضيعت الكرت تبعي', 'البطاقة اتسرقت مني'],
  },
  refund: {
    en: ['i want a refund', 'how do i get my money back for this order', 'please refund my purchase', 'can i return this and get a refund'],
    ar: ['أريد استرداد المبلغ', 'كيف أسترجع فلوسي', 'أبغى أرجع المبلغ', 'بدي استرجع مصاري الطلب', 'عايز فلوسي ترجع'],
  },
  change_password: {
    en: ['how do i change my password', 'i want to reset my password', 'forgot my password', 'update the password on my account'],
    ar: ['كيف أغير كلمة المرور', 'نسيت كلمة السر', 'أريد إعادة تعيين كلمة المرور', 'ابي اغير الباسورد', 'نسيت الباسورد بتاعي'],
  },
  delivery_status: {
    en: ['where is my order', 'track my package', 'my parcel is late', 'when will my order be shipped'],
    ar: ['أين طلبي', 'تتبع الشحنة', 'الطلب متأخر', 'وين الطلبية حقتي', 'الأوردر اتأخر ليه'],
  },
  cancel_subscription: {
    en: ['cancel my subscription', 'i want to stop my monthly plan', 'how do i unsubscribe from the plan', 'end my membership please'],
    ar: ['ألغِ اشتراكي', 'أريد إيقاف الاشتراك الشهري', 'كيف ألغي العضوية', 'ابي الغي الاشتراك', 'عايز الغي الاشتراك بتاعي'],
  },
  exchange_rate: {
    en: ['what is the exchange rate for dollars', 'how much is one euro in pounds', 'currency conversion rate today', 'what rate do you use to convert money'],
    ar: ['ما هو سعر صرف الدولار', 'كم سعر اليورو اليوم', 'سعر تحويل العملة', 'بكم الدولار عندكم', 'الدولار بكام النهارده'],
  },
  declined_payment: {
    en: ['my payment was declined', 'why was my card declined at the shop', 'the transaction failed', 'payment got rejected'],
    ar: ['تم رفض الدفع', 'لماذا رفضت بطاقتي في المتجر', 'فشلت العملية', 'الدفع ما مشي', 'الفلوس ما اندفعتش'],
  },
  opening_hours: {
    en: ['what are your opening hours', 'when do you open', 'are you open on friday', 'what time does the branch close'],
    ar: ['ما هي ساعات العمل', 'متى تفتحون', 'هل أنتم مفتوحون يوم الجمعة', 'متى يسكر الفرع', 'الفرع بيقفل الساعة كام'],
  },
  speak_to_human: {
    en: ['i want to talk to a person', 'connect me to an agent', 'can i speak with a human', 'let me talk to customer service'],
    ar: ['أريد التحدث مع موظف', 'حولني على موظف خدمة العملاء', 'ممكن أكلم شخص حقيقي', 'بدي احكي مع موظف', 'عايز اكلم حد من الدعم'],
  },
  change_address: {
    en: ['i need to change my address', 'update my shipping address', 'i moved to a new house', 'edit the delivery address'],
    ar: ['أريد تغيير عنواني', 'تحديث عنوان الشحن', 'انتقلت إلى بيت جديد', 'ابي اعدل العنوان', 'عايز اغير العنوان'],
  },
  invoice: {
    en: ['send me my invoice', 'i need a receipt for my purchase', 'where can i download the bill', 'email me the invoice please'],
    ar: ['أرسل لي الفاتورة', 'أحتاج إيصال الشراء', 'وين ألاقي الفاتورة', 'ابعتلي الفاتوره', 'ممكن الفاتورة على الايميل'],
  },
};

export const fixtureExamples: IntentExample[] = Object.entries(raw).flatMap(([label, { en, ar }]) => [
  ...en.map((text) => ({ text, label, lang: 'en' })),
  ...ar.map((text) => ({ text, label, lang: 'ar' })),
]);

/** Unseen paraphrases, for classification after training. */
export const fixtureParaphrases: IntentExample[] = [
  { text: 'My card still has not arrived!', label: 'card_arrival', lang: 'en' },
  { text: 'somebody stole my card yesterday', label: 'lost_card', lang: 'en' },
  { text: 'Please give me a refund for the order', label: 'refund', lang: 'en' },
  { text: 'I forgot the password of my account', label: 'change_password', lang: 'en' },
  { text: 'Where is my package?', label: 'delivery_status', lang: 'en' },
  { text: 'لسا ما وصلتني البطاقه', label: 'card_arrival', lang: 'ar' },
  { text: 'نسيييت كلمةُ السرّ', label: 'change_password', lang: 'ar' },
  { text: 'أبغى ألغي اشتراكي الشهري', label: 'cancel_subscription', lang: 'ar' },
  { text: 'حولني على موظف لو سمحت', label: 'speak_to_human', lang: 'ar' },
  { text: 'ممكن ترسل الفاتورة؟', label: 'invoice', lang: 'ar' },
];
