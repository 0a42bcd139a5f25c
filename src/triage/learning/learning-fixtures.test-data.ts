/**
 * Three small bilingual categories written for the learning tests (12 examples each). The 7th and
 * 12th of each are the ones held back to judge models (see example-rules.ts).
 */
export const fixtureCategories: Record<string, string[]> = {
  refund: [
    'I want a refund for my order', 'please give me my money back', 'how do I return this item and get refunded',
    'the refund has not reached my card yet', 'أريد استرداد المبلغ', 'can I get a refund for the damaged blender',
    'I returned the shoes, where is my refund', 'رجعوا لي فلوسي لو سمحتم', 'متى يرجع المبلغ لحسابي', 'عايز أرجع المنتج وآخد فلوسي',
    'ابغى استرجاع المبلغ للطلب', 'I was promised a refund last week, where is my money',
  ],
  login: [
    'I cannot log in to my account', 'my password is not working', 'the app says wrong password after reset',
    'ما أقدر أسجل دخول', 'the verification code never arrives when I sign in', 'how do I reset my password',
    'I am locked out of my account and cannot log in', 'نسيت كلمة السر', 'الحساب مقفول ومش قادر أدخل', 'رمز التحقق ما يوصلني',
    'كلمة المرور غلط مع اني غيرتها', 'sign in keeps failing, my password is not accepted',
  ],
  delivery: [
    'where is my package', 'my order has not arrived yet', 'the courier never came',
    'tracking shows delivered but I got nothing', 'وين الطلب حقي', 'the delivery is late by a week',
    'when will my package arrive', 'الشحنة ما وصلت لحد الآن', 'المندوب ما جاش', 'متى يوصل الطلب',
    'التتبع يقول تم التوصيل وما استلمت شي', 'my order is late and has not arrived',
  ],
};

/** Sign-in trouble, for the burst of wrong labels that must not ship. */
export const loginLikeTexts = [
  'cannot sign in', 'password reset failed', 'locked out again', 'login error on the app', 'the code to sign in is not coming',
  'wrong password message', 'account locked', 'cannot access my account', 'reset link does not work', 'sign in page freezes',
  'ما أقدر أدخل حسابي', 'كلمة السر ما تشتغل', 'الحساب مقفل', 'رمز الدخول ما وصل', 'نسيت الباسورد',
  'I forgot my password', 'two factor code missing', 'login loop on the website', 'session expired and cannot log back', 'password not accepted',
];
