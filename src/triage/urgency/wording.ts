/**
 * Wording that makes a support message urgent, by reason, in English, Arabic (MSA and dialects)
 * and Arabizi. Each entry is matched at the start of a word after normalisation (so "hack" covers
 * "hacked", "سرق" covers "سرقوا"); Arabic entries may carry a proclitic (و، ف، ب، ل، ال). A '*'
 * inside a phrase stands for the rest of a word ("خصم* مرتين" covers "انخصم… اتخصمت مرتين"), and a
 * trailing '$' asks for the whole word ("court$" is not "courtesy").
 */
export type WordingReason =
  | 'safety' | 'fraud' | 'hacked' | 'legal' | 'money_lost' | 'charged_twice' | 'cannot_login' | 'cancel' | 'urgent';

export const wording: Readonly<Record<WordingReason, readonly string[]>> = {
  safety: [
    'unsafe', 'danger', 'fire$', 'on fire', 'smoke', 'burning', 'explod', 'electric shock', 'injur', 'got hurt', 'was hurt',
    'bleeding', 'ambulance', 'hospital', 'gas leak', 'poison', 'suicid', 'kill myself', 'harass', 'assault', 'threaten',
    'accident$', 'allergic reaction', 'choking',
    'خطر$', 'خطير على', 'حريق', 'ولعت', 'اشتعل', 'دخان', 'انفجر', 'انفجار', 'ماس كهربائي', 'كهربني', 'اصابه', 'انصاب',
    'اتصاب', 'نزيف', 'مستشفي', 'اسعاف', 'طوارئ', 'تسرب غاز', 'ريحه غاز', 'تسمم', 'انتحار', 'اقتل نفسي', 'تحرش',
    'اعتداء', 'اعتدي', 'يهددني', 'تهديد', 'حادث$', 'حساسيه',
    '7ari2', '5atar', 'es3af', 'ta7arosh',
  ],
  fraud: [
    'fraud', 'scam', 'unauthori', 'not authori', 'never authori', 'did not make this', 'did not make these', 'not me$',
    'stolen', 'stole', 'someone used my card', 'someone is using my card', 'phishing', 'identity theft', 'without my permission',
    'without my consent', 'i do not recogni', 'do not recognise', 'do not recognize', 'unknown transaction', 'suspicious transaction',
    'احتيال', 'محتال', 'نصب$', 'نصاب', 'نصبو', 'سرق', 'مسروق', 'انسرق', 'اتسرق', 'حرامي', 'اختلاس', 'تصيد',
    'بدون علمي', 'بدون اذني', 'بدون موافقتي', 'من غير علمي', 'غير مصرح', 'ما سويتها', 'ما عملتهاش', 'مش انا اللي',
    'مو انا اللي', 'عمليه مشبوهه', 'عمليه غريبه', 'عمليات غريبه', 'حركه غريبه', 'لا اعرفها', 'ما اعرفها', 'معرفهاش',
    'nasab', 'ensara2', 'etsara2', '7arami',
  ],
  hacked: [
    'hack', 'compromised', 'someone logged in', 'someone logged into', 'someone accessed', 'someone changed my password',
    'took over my account', 'taken over',
    'اختراق', 'اخترق', 'مخترق', 'انهكر', 'اتهكر', 'تهكير', 'هكر', 'هاكر', 'تهكر', 'حد دخل على حسابي', 'احد دخل حسابي',
    'حد دخل حسابي', 'سرقو حسابي', 'غيرو الباسورد',
    'et7ak', 'et-hack', 'hakar',
  ],
  legal: [
    'lawyer', 'attorney', 'solicitor', 'sue$', 'suing', 'lawsuit', 'legal action', 'court$', 'courts$', 'police', 'report you',
    'consumer protection', 'regulator', 'ombudsman', 'central bank', 'authorities', 'fca$', 'cfpb', 'trading standards',
    'محامي', 'قضيه', 'قضائي', 'محكمه', 'المحاكم', 'دعوي', 'الشرطه', 'البوليس', 'النيابه', 'حمايه المستهلك',
    'البنك المركزي', 'ساما$', 'وزاره التجاره', 'اشتكيكم', 'بشتكيكم', 'هشتكيكم', 'راح اشتكي', 'شكوي رسميه', 'الجهات المختصه',
    'قانوني', 'القانون',
    'm7ami', 'mo7ami', 'ma7kama', 'shorta',
  ],
  money_lost: [
    'lost money', 'lost my money', 'money is gone', 'money has gone', 'money disappeared', 'money is missing', 'missing money',
    'balance is gone', 'balance disappeared', 'where is my money', 'money was taken', 'money deducted', 'was deducted',
    'debited but', 'took my money', 'empty account', 'never received my refund', 'lost my savings',
    'فلوسي راحت', 'راحت فلوسي', 'فلوسي ضاعت', 'ضاعت فلوسي', 'فلوسي اختفت', 'رصيدي اختفي', 'الرصيد اختفي', 'اختفي المبلغ',
    'اختفي رصيدي', 'انخصم المبلغ', 'خصم المبلغ', 'اتخصم', 'انخصم', 'سحبو فلوسي', 'سحبتو فلوسي', 'وين فلوسي', 'فين فلوسي',
    'مصاريي راحت', 'راحو مصاريي', 'خسرت فلوسي', 'المبلغ ما رجع', 'ضاع المبلغ', 'فلوسي فين', 'فلوسي وين',
    'flosy ra7et', 'felousi', 'fen flosy', 'wen flosy',
  ],
  charged_twice: [
    'charged twice', 'charged me twice', 'double charge', 'double charged', 'double-charged', 'charged double', 'charged two times',
    'duplicate charge', 'duplicate payment', 'billed twice', 'deducted twice', 'paid twice', 'taken twice', 'twice for the same',
    'خصم* مرتين', 'انخصم* مرتين', 'اتخصم* مرتين', 'سحب* مرتين', 'دفعت مرتين', 'ندفع مرتين', 'مرتين من حسابي', 'خصم مكرر',
    'مبلغ مكرر', 'دفع مكرر', 'المبلغ مرتين', 'الفلوس مرتين', 'الدفع مرتين', 'المصاري مرتين', 'عمليه مكرره', 'الخصم تكرر', 'تكرار الخصم', 'خصمين',
    'marteen', 'martein', 'mrtin',
  ],
  cannot_login: [
    'not log in', 'not login', 'not sign in', 'not signin', 'unable to log', 'unable to sign', 'locked out', 'account locked',
    'account is locked', 'account blocked', 'account is blocked', 'account suspended', 'not access my account',
    'unable to access', 'login not working', 'login is not working', 'password not working', 'password is not working',
    'not receive the code', 'not get the code', 'not receive the otp', 'no otp', 'cant log', 'cant login', 'cannot log', 'cannot sign',
    'ما اقدر ادخل', 'ماقدر ادخل', 'مش قادر ادخل', 'مو قادر ادخل', 'مقدرش ادخل', 'مش عارف ادخل', 'ما اعرف ادخل',
    'ما قدرت ادخل', 'لا استطيع الدخول', 'لا يمكنني الدخول', 'تعذر الدخول', 'تعذر تسجيل الدخول', 'ما اقدر افتح حسابي',
    'مش قادر افتح حسابي', 'حسابي مقفل', 'الحساب مقفل', 'حسابي مغلق', 'قفل حسابي', 'انقفل', 'اتقفل', 'اتبلك', 'حسابي محظور',
    'الحساب موقوف', 'حسابي موقوف', 'ما وصلني الكود', 'ما وصلني الرمز', 'الكود ما وصل', 'الرمز ما وصل', 'مبيوصلنيش الكود',
    'msh 2ader ad5ol', 'mish 2ader ad5ol', 'mesh 3aref ad5ol', 'msh 3aref ad5ol', 'ma a2dar ad5ol', 'ma agdar ad5el',
  ],
  cancel: [
    'cancel my account', 'cancel my subscription', 'cancel everything', 'close my account', 'delete my account', 'terminate',
    'switching to', 'moving to another', 'going to another', 'never use you again', 'never using you again', 'last time i use',
    'i am leaving', 'i will leave', 'taking my business',
    'الغي الاشتراك', 'الغي حسابي', 'الغاء الحساب', 'الغاء الاشتراك', 'بلغي', 'هلغي', 'ابي الغي', 'بدي الغي', 'عايز الغي',
    'اقفل الحساب', 'اقفل حسابي', 'سكر حسابي', 'اسكر الحساب', 'اغلاق الحساب', 'راح اطلع', 'بروح لشركه', 'هروح لشركه',
    'بنقل حسابي', 'اخر مره اتعامل', 'مش هتعامل', 'ما راح اتعامل', 'لن اتعامل', 'مش هتعامل معاكم', 'ما عاد اتعامل',
    'alghi', 'hal8y', 'bal8y', 'el8a2',
  ],
  urgent: [
    'urgent', 'asap$', 'as soon as possible', 'immediately', 'right now', 'right away', 'emergency', 'critical',
    'عاجل', 'ضروري', 'مستعجل', 'فورا', 'حالا', 'طارئ', 'طارئه', 'اسرع وقت', 'اقرب وقت', 'الحين الحين', 'بسرعه لو سمحت',
    '3agel', '3ajel', 'daroori', 'darori', 'darory', 'mesta3gel', 'mista3jil',
  ],
};

/** Words that, right before an urgency word, undo it ("not urgent", "مش ضروري", "مو مستعجل"). */
export const urgencyNegators: readonly string[] = ['not', 'no', 'مش', 'مو', 'غير', 'ليس', 'مب', 'msh', 'mish', 'mesh', 'mo'];
