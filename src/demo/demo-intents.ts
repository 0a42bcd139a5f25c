/**
 * The demo shop's intent categories, each taught by examples written for Sanad in English, Arabic
 * (MSA, Gulf, Egyptian, Levantine, Maghrebi), Arabizi and French — one label set for a bilingual
 * team; each category has at least one Gulf, Egyptian, Levantine and Maghrebi example and two in
 * Arabizi. A real workspace writes its own in the console or through the API.
 */
type TeamKey = 'billing' | 'technical';

export interface DemoIntent {
  name: string;
  description: string;
  team: TeamKey | null;
  examples: string[];
}

export const demoIntents: DemoIntent[] = [
  {
    name: 'refund', description: 'Refunds and returns', team: 'billing',
    examples: [
      'I want a refund for my order', 'How do I return this and get my money back?', 'أريد استرداد المبلغ من فضلك',
      'The refund still has not reached my card', 'ابغى ارجع المنتج وأسترجع فلوسي', 'عايز فلوسي ترجع، المنتج وصل مكسور',
      'بدي رجّع الطلب وآخد المصاري', 'Je voudrais être remboursé', 'bghit nrje3 flousi', 'Can I return the shoes I bought last week?',
      'متى يرجع المبلغ لحسابي؟', 'I returned the parcel ten days ago, where is my refund?',
      'رجعت الطلب من أسبوع وللحين ما رجعوا لي فلوسي', 'رجّعت الشحنة ولسه مستني الفلوس', 'بدي مصرياتي ترجع عالبطاقة',
      'بغيت نردّ هاد السلعة وتردو ليا الدراهم ديالي', '3ayez arag3 el order w afloosy terga3', 'nheb nraja3 el commande w nestarja3 flousi',
    ],
  },
  {
    name: 'charged_twice', description: 'Double or unexpected charges', team: 'billing',
    examples: [
      'I was charged twice for the same order', 'There are two payments on my card for one purchase', 'تم خصم المبلغ مرتين من بطاقتي',
      'انسحب المبلغ مرتين من حسابي', 'اتخصم مني مرتين على نفس الطلب', 'You took the money two times', 'There is a charge I do not recognise',
      'في خصم على بطاقتي ما أعرفه', 'On m’a débité deux fois', 'double charge on my credit card', 'ليش انخصم مني مبلغ زيادة؟',
      't5asamt mrtin 3la nafs el order',
      'انسحبت الفلوس مرتين وأنا دافع مرة وحدة', 'الفيزا اتسحب منها مرتين يا جماعة', 'تقطعو ليا جوج مرات فنفس الطلبية',
      'ليش مخصومة علي دفعتين؟', 'el bank 5asamly marteen', 'dfe3t mara we7da w tna7aw mni flous jouj merrat',
    ],
  },
  {
    name: 'payment_failed', description: 'Payment declined or stuck', team: 'billing',
    examples: [
      'My payment keeps getting declined', 'The card payment failed but the money left my account', 'الدفع ما يمشي، البطاقة ترفض',
      'فشلت عملية الدفع', 'مش راضي يقبل الفيزا', 'Apple Pay does not work at checkout', 'Why was my card rejected?',
      'العملية معلقة والمبلغ محجوز', 'Le paiement est refusé', 'I cannot pay with mada', 'الدفع عند الاستلام مش ظاهر',
      'checkout says transaction failed',
      'الكارت بيترفض كل ما أجي أدفع', 'الدفع ما يمشي معي من أمس', 'كل ما بدي إدفع بيطلعلي رفض',
      'الخلاص بالكارط ما بغاش يدوز', 'el visa btetrefed kol ma adfa3', 'ma9dertch nkhalass b lcarte',
    ],
  },
  {
    name: 'invoice', description: 'Invoices, receipts and VAT', team: 'billing',
    examples: [
      'I need an invoice for my order', 'Can you send me a VAT receipt?', 'أحتاج فاتورة ضريبية للطلب',
      'ابي الفاتورة باسم الشركة', 'عايز إيصال بالمبلغ', 'The invoice has the wrong company name', 'Where can I download my receipts?',
      'وين ألاقي الفواتير؟', 'Il me faut une facture', 'please add our tax number to the invoice', 'الفاتورة فيها غلط في الاسم',
      'invoice copy for last month please',
      'محتاج الفاتورة بتاعة الطلب', 'عطني فاتورة فيها الرقم الضريبي', 'بعتلي فاتورة الطلب لو سمحت',
      'بغيت الفاكتورة ديال الكوموند', 'mumken te23tini el fatoura?', 'bghit lfacture dyal la commande',
    ],
  },
  {
    name: 'login', description: 'Sign-in, passwords and verification codes', team: 'technical',
    examples: [
      'I cannot log in to my account', 'My password does not work after the reset', 'ما أقدر أسجل دخول',
      'نسيت كلمة المرور', 'مش عارف أدخل على حسابي', 'The verification code never arrives', 'I am locked out of my account',
      'رمز التحقق ما يوصلني', 'Je n’arrive pas à me connecter', 'ma n9derch nconnecti', 'الحساب مقفول وما يفتح',
      'sign in says wrong password',
      'مش قادر أعمل لوجن', 'الكود ما يوصل على جوالي', 'شو بعمل نسيت الباسوورد',
      'ما قدرتش ندخل للكونط ديالي', 'msh 3aref a3mel login', 'nsit lmot de passe dyali',
    ],
  },
  {
    name: 'app_problem', description: 'The app or website misbehaves', team: 'technical',
    examples: [
      'The app crashes when I open it', 'The website shows a blank page', 'التطبيق يعلق وما يفتح',
      'الموقع فيه مشكلة ما يحمل', 'الأبلكيشن بيقفل لوحده', 'I get an error when I add to cart', 'The page keeps loading forever',
      'التطبيق بطيء جدا', "L'application plante", 'the app is not working since the update', 'يطلع لي خطأ لما أضغط دفع',
      'el app msh sh8ala',
      'الأبلكيشن بيهنج على طول ومش عايز يفتح', 'التطبيق يطلعني بروحه', 'الموقع عم يعلّق كل شوي',
      'لابليكاسيون ما بغاتش تحل', 'el app bey2fel lwa7do', 'el site ma ye5demch',
    ],
  },
  {
    name: 'delivery', description: 'Where is my order, late or missing deliveries', team: null,
    examples: [
      'Where is my order?', 'My package has not arrived yet', 'وين طلبي؟ صار له أسبوع',
      'الشحنة ما وصلت لحد الآن', 'المندوب ما جاش', 'Tracking says delivered but I got nothing', 'When will my parcel arrive?',
      'متى يوصل الطلب؟', 'Ma commande n’est pas arrivée', 'fin wsal lcommande dyali', 'الطلب متأخر كثير',
      'the courier never showed up',
      'الأوردر اتأخر أوي', 'طلبي وينه؟ تأخر وايد', 'الطلبية ما وصلت لهلأ',
      'الكوموند ديالي مازال ماوصلاتش', 'el order lessa mawselsh', 'wein tolbi? sar lo osbo3',
    ],
  },
  {
    name: 'order_change', description: 'Change or cancel an order, address or size', team: null,
    examples: [
      'I want to cancel my order', 'Can I change the delivery address?', 'أبغى ألغي الطلب',
      'ممكن أغير العنوان؟', 'عايز أغير المقاس', 'Please change the size to medium', 'I ordered the wrong colour, can you change it?',
      'بدي عدّل الطلب قبل ما ينشحن', 'Je veux annuler ma commande', 'cancel the order before it ships', 'غيروا رقم الجوال في الطلب',
      'bghit nbdel l3onwan',
      'عايز ألغي الأوردر', 'أبي أبدّل المقاس', 'بدي غيّر العنوان قبل ما يوصل',
      'بغيت نلغي الكوموند', 'momken a8ayar el 3enwan?', 'abi alghi el talab',
    ],
  },
];
