import type { Locale } from './locale.ts';

/** Every string the chat panel shows. Placeholders look like {name}. */
const en = {
  title: 'Support',
  close: 'Close chat',
  handoff: 'Talk to a person',
  handoffSent: 'Asked for a person',
  handoffMessage: 'I would like to talk to a person, please.',
  messages: 'Messages',
  composer: 'Your message',
  placeholder: 'Type your message…',
  send: 'Send',
  sending: 'Sending…',
  failed: 'Not sent.',
  retry: 'Retry',
  you: 'You',
  bot: 'Bot',
  agent: 'Support agent',
  typing: '{name} is typing…',
  empty: 'Ask us anything. A person is one tap away.',
  connecting: 'Connecting…',
  reconnecting: 'Connection lost. Reconnecting…',
  unavailable: 'Chat is unavailable right now. Retrying…',
  closed: 'This conversation is closed. Send a message to start a new one.',
  offlineIntro: 'Nobody is available right now. Leave a message and we will reply by email.',
  offlineLink: 'Leave a message instead',
  chatInstead: 'Back to chat',
  name: 'Name',
  email: 'Email',
  message: 'Message',
  submit: 'Send message',
  offlineSent: 'Thank you. We got your message and will reply by email.',
  offlineFailed: 'Could not send. Check the fields and try again.',
  attach: 'Attach a picture or PDF',
  attachments: 'Files to send',
  uploading: 'Uploading…',
  uploaded: 'Ready',
  uploadFailed: 'Upload failed.',
  tooLarge: 'Too large.',
  notAllowed: 'This kind of file is not accepted.',
  remove: 'Remove {name}',
  fileType: '{name}: only pictures (PNG, JPEG, GIF, WebP) and PDF files can be attached.',
  fileSize: '{name}: files can be at most 10 MB.',
  fileCount: '{name}: at most 5 files per message.',
  waitUploads: 'Wait for the files to finish uploading, or remove the ones that failed.',
  offerIntro: 'The wait is longer than usual. Instead of waiting:',
  offerCallback: 'Call me back',
  offerEmail: 'Email me instead',
  phone: 'Phone number',
  callWhen: 'When to call',
  today: 'Today',
  tomorrow: 'Tomorrow',
  requestCall: 'Call me then',
  offerFailed: 'Could not send. Check the number or address and try again.',
  emailDone: 'We will answer by email at {email}.',
};

export type Strings = typeof en;

const ar: Strings = {
  title: 'الدعم',
  close: 'إغلاق المحادثة',
  handoff: 'التحدث مع موظف',
  handoffSent: 'طلبنا موظفًا',
  handoffMessage: 'أودّ التحدث مع موظف من فضلك.',
  messages: 'الرسائل',
  composer: 'رسالتك',
  placeholder: 'اكتب رسالتك…',
  send: 'إرسال',
  sending: 'جارٍ الإرسال…',
  failed: 'لم تُرسل.',
  retry: 'إعادة المحاولة',
  you: 'أنت',
  bot: 'المساعد الآلي',
  agent: 'موظف الدعم',
  typing: '{name} يكتب…',
  empty: 'اسألنا عن أي شيء. الموظف على بُعد نقرة واحدة.',
  connecting: 'جارٍ الاتصال…',
  reconnecting: 'انقطع الاتصال. جارٍ إعادة الاتصال…',
  unavailable: 'المحادثة غير متاحة الآن. نعيد المحاولة…',
  closed: 'أُغلقت هذه المحادثة. أرسل رسالة لبدء محادثة جديدة.',
  offlineIntro: 'لا يوجد أحد متاح الآن. اترك رسالتك وسنرد عليك بالبريد الإلكتروني.',
  offlineLink: 'اترك رسالة بدلًا من ذلك',
  chatInstead: 'العودة إلى المحادثة',
  name: 'الاسم',
  email: 'البريد الإلكتروني',
  message: 'الرسالة',
  submit: 'إرسال الرسالة',
  offlineSent: 'شكرًا لك. وصلتنا رسالتك وسنرد عليك بالبريد الإلكتروني.',
  offlineFailed: 'تعذّر الإرسال. تحقّق من الحقول وحاول مرة أخرى.',
  attach: 'إرفاق صورة أو ملف PDF',
  attachments: 'الملفات المرفقة',
  uploading: 'جارٍ الرفع…',
  uploaded: 'جاهز',
  uploadFailed: 'تعذّر الرفع.',
  tooLarge: 'الملف كبير جدًا.',
  notAllowed: 'هذا النوع من الملفات غير مقبول.',
  remove: 'إزالة {name}',
  fileType: '{name}: يمكن إرفاق الصور (PNG وJPEG وGIF وWebP) وملفات PDF فقط.',
  fileSize: '{name}: الحد الأقصى لحجم الملف ١٠ ميغابايت.',
  fileCount: '{name}: خمسة ملفات على الأكثر في الرسالة الواحدة.',
  waitUploads: 'انتظر حتى يكتمل رفع الملفات، أو أزل الملفات التي تعذّر رفعها.',
  offerIntro: 'الانتظار أطول من المعتاد. بدلًا من الانتظار:',
  offerCallback: 'اتصلوا بي لاحقًا',
  offerEmail: 'ردّوا عليّ بالبريد الإلكتروني',
  phone: 'رقم الهاتف',
  callWhen: 'وقت الاتصال',
  today: 'اليوم',
  tomorrow: 'غدًا',
  requestCall: 'اتصلوا بي في هذا الوقت',
  offerFailed: 'تعذّر الإرسال. تحقّق من الرقم أو العنوان وحاول مرة أخرى.',
  emailDone: 'سنرد عليك بالبريد الإلكتروني على {email}.',
};

export const strings: Record<Locale, Strings> = { en, ar };

/** Replaces {key} placeholders. */
export const fill = (text: string, values: Record<string, string>): string =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

/** Plural forms of the wait line, by Intl.PluralRules category ('other' is the fallback). */
const waitForms: Record<Locale, Partial<Record<Intl.LDMLPluralRule, string>>> = {
  en: { one: 'Expected wait: about 1 minute', other: 'Expected wait: about {n} minutes' },
  ar: {
    one: 'مدة الانتظار المتوقعة: دقيقة واحدة تقريبًا',
    two: 'مدة الانتظار المتوقعة: دقيقتان تقريبًا',
    few: 'مدة الانتظار المتوقعة: {n} دقائق تقريبًا',
    other: 'مدة الانتظار المتوقعة: {n} دقيقة تقريبًا',
  },
};

const placeForms: Record<Locale, { place: string; helping: string }> = {
  en: { place: 'You are number {n} in line', helping: '{name} is helping you' },
  ar: { place: 'ترتيبك في قائمة الانتظار: {n}', helping: '{name} يساعدك الآن' },
};

/** The header line while waiting ("number 2 in line · about 3 minutes") or once someone has the chat. */
export function queueText(locale: Locale, queue: { position: number | null; estimatedWaitSeconds: number | null }, agentName: string | null): string | null {
  if (queue.position === null) return agentName ? fill(placeForms[locale].helping, { name: agentName }) : null;
  const place = fill(placeForms[locale].place, { n: new Intl.NumberFormat(locale).format(queue.position) });
  const wait = waitText(locale, queue.estimatedWaitSeconds);
  return wait ? `${place} · ${wait}` : place;
}

/** The honest wait: "about N minutes" (at least 1), or null when the server has no basis for an estimate. */
export function waitText(locale: Locale, seconds: number | null | undefined): string | null {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return null;
  const minutes = Math.max(1, Math.round(seconds / 60));
  const forms = waitForms[locale];
  const form = forms[new Intl.PluralRules(locale).select(minutes)] ?? forms.other ?? '';
  return fill(form, { n: new Intl.NumberFormat(locale).format(minutes) });
}

/** The few strings the loader needs on the host page, kept apart so the loader stays tiny. */
export const launcherStrings: Record<Locale, { open: string; close: string; frame: string; unread: string }> = {
  en: { open: 'Chat with us', close: 'Close chat', frame: 'Support chat', unread: 'unread messages: {n}' },
  ar: { open: 'تحدّث معنا', close: 'إغلاق المحادثة', frame: 'محادثة الدعم', unread: 'رسائل غير مقروءة: {n}' },
};
