import { describe, expect, it } from 'vitest';
import { arabicInput, at, blankInput, englishInput, message } from './brief-fixtures.test-data.ts';
import { buildLocalBrief } from './brief-rules.ts';

describe('buildLocalBrief: an English conversation', () => {
  const brief = buildLocalBrief(englishInput());

  it('when agents asked, checked, noted, sent a link and the bot handed over, then each is tried once with its quote, oldest first', () => {
    expect(brief.tried).toEqual([
      'Transferred (Sanad bot → Billing): “refund over the bot limit”',
      'Asked (Omar): “Could you share the email on the order?”',
      "Checked (Omar): “I've checked with the courier; the parcel is stuck in Riyadh.”",
      'Note (Omar): “Courier case T-7731 opened, they blame customs.”',
      'Sent a link (Omar): “Here is your refund link: https://pay.example.com/r/48213”',
    ]);
  });

  it('when agents commit to a call and a refund, then each sentence is a promise, and greetings are neither', () => {
    expect(brief.promised).toEqual(['I will call you tomorrow with an update.', "We'll refund the 349 SAR within 3 days."]);
    expect(brief.tried.join(' ')).not.toContain('How can I help');
  });

  it('when the customer asked after the last agent reply, then that ask is the open question', () => {
    expect(brief.openQuestion).toBe('Can you also send me the invoice by email?');
  });

  it('when triage repeated a fact, or spelled it with spaces, then it is listed once', () => {
    expect(brief.facts).toEqual([
      { kind: 'order_number', value: '48213' },
      { kind: 'amount', value: '349 SAR' },
      { kind: 'email', value: 'sara@example.com' },
    ]);
  });

  it('then the customer, language and intent come from the input, visitor ids left out', () => {
    expect(brief.customer).toBe('Sara Ali · gold · sara@example.com, +966501234567 · 3 earlier conversations · customer since 2024-03-01');
    expect(brief.language).toBe('English');
    expect(brief.intent).toBe('order_not_delivered');
    expect(brief.source).toBe('local');
    expect(brief.fallbackReason).toBeUndefined();
  });

  it('then the summary is four plain English sentences, the wait measured from the input now', () => {
    expect(brief.summary).toBe(
      'Sara Ali wrote via chat in English about order not delivered. ' +
        'Conversation #1042 is open, high priority, with Omar in Billing; transferred 1 time. ' +
        'Sentiment negative; urgency high (waiting two weeks). ' +
        'Waiting 25 min for an answer to “Can you also send me the invoice by email?”.',
    );
  });

  it('when the same input is read twice, then the brief is the same', () => {
    expect(buildLocalBrief(englishInput())).toEqual(brief);
  });
});

describe('buildLocalBrief: a Gulf Arabic conversation', () => {
  const brief = buildLocalBrief(arabicInput(), 'ar');

  it('when the agent asked, checked and noted an escalation, then those are tried, in Arabic labels with Arabic quotes', () => {
    expect(brief.tried).toEqual([
      'سؤال للعميل (خالد): «وعليكم السلام، ممكن ترسل لي رقم الجوال المسجل بالطلب؟»',
      'تحقق (خالد): «تحققت من شركة الشحن والشحنة متأخرة.»',
      'ملاحظة داخلية (خالد): «صعدت الموضوع لفريق المالية»',
    ]);
  });

  it('when the agent says سأعيد لك المبلغ and راح نتواصل, then both are promises, and "حصل خطأ" is not', () => {
    expect(brief.promised).toEqual(['سأعيد لك المبلغ خلال ٣ أيام.', 'راح نتواصل معك بكرة إن شاء الله']);
  });

  it('when the customer asks متى after the last reply, then it is the open question', () => {
    expect(brief.openQuestion).toBe('طيب، متى بيوصل المبلغ بالضبط؟');
  });

  it('then facts are listed once and the language names the dialect, in the agent locale', () => {
    expect(brief.facts).toEqual([{ kind: 'order_number', value: '48213' }, { kind: 'phone', value: '0501234567' }]);
    expect(brief.language).toBe('العربية (الخليجية)');
    expect(buildLocalBrief(arabicInput(), 'en').language).toBe('Arabic (Gulf)');
  });

  it('then the Arabic summary names channel, status and priority in Arabic, and marks an unsure intent', () => {
    expect(brief.summary).toBe(
      'تواصل من نورة عبر واتساب، اللغة: العربية (الخليجية)، الموضوع: refund request (غير مؤكد). ' +
        'المحادثة رقم 77 بانتظار العميل وأولويتها عاجلة، مع خالد. ' +
        'سؤال ينتظر الرد منذ 2 ساعة: «طيب، متى بيوصل المبلغ بالضبط؟».',
    );
    expect(brief.customer).toBe('نورة · 0501234567 · أول محادثة · عميل منذ 2026-11-20');
  });

  it('when the English agent UI reads the same Arabic conversation, then labels are English and quotes stay Arabic', () => {
    const en = buildLocalBrief(arabicInput(), 'en');
    expect(en.tried[0]).toBe('Asked (خالد): “وعليكم السلام، ممكن ترسل لي رقم الجوال المسجل بالطلب؟”');
    expect(en.promised).toEqual(brief.promised);
  });
});

describe('buildLocalBrief: what customers write', () => {
  it('when only the customer writes commitments, in either language, then nothing is promised or tried', () => {
    const brief = buildLocalBrief(blankInput({
      messages: [
        message(1, 'customer', '10:00', 'I will call you tomorrow. We will refund ourselves within 3 days if needed.'),
        message(2, 'customer', '10:01', 'سأتصل بكم بكرة وراح نرجع الطلب خلال ٣ أيام. أعدك.'),
      ],
    }));
    expect(brief.promised).toEqual([]);
    expect(brief.tried).toEqual([]);
  });

  it('when an internal note states a commitment, then it counts as tried, not as a promise to the customer', () => {
    const brief = buildLocalBrief(blankInput({ messages: [message(1, 'note', '10:00', 'I will refund her tomorrow once finance approves.', 'Omar')] }));
    expect(brief.promised).toEqual([]);
    expect(brief.tried).toEqual(['Note (Omar): “I will refund her tomorrow once finance approves.”']);
  });

  it('when an agent answered the last ask, then there is no open question; a bot reply does not count as an answer', () => {
    const answered = blankInput({ messages: [message(1, 'customer', '10:00', 'Where is my parcel?'), message(2, 'agent', '10:01', 'It arrives today.', 'Omar')] });
    expect(buildLocalBrief(answered).openQuestion).toBeNull();
    const botOnly = blankInput({ messages: [message(1, 'customer', '10:00', 'Where is my parcel?'), message(2, 'bot', '10:00', 'Connecting you to an agent.')] });
    expect(buildLocalBrief(botOnly).openQuestion).toBe('Where is my parcel?');
  });

  it('when the customer only greets or states, then there is no open question', () => {
    expect(buildLocalBrief(blankInput({ messages: [message(1, 'customer', '10:00', 'Hello. Order 48213.')] })).openQuestion).toBeNull();
  });

  it('when an agent says "I will need" or "how can I help", then it is not a promise', () => {
    const brief = buildLocalBrief(blankInput({ messages: [message(1, 'agent', '10:00', 'How can I help you today? I will need your order number.', 'Omar')] }));
    expect(brief.promised).toEqual([]);
    expect(brief.tried).toEqual(['Asked (Omar): “I will need your order number.”']);
  });
});

describe('buildLocalBrief: size', () => {
  it('when the conversation is empty, then the brief says so in two sentences with empty lists', () => {
    const brief = buildLocalBrief(blankInput());
    expect(brief).toMatchObject({ tried: [], promised: [], openQuestion: null, facts: [], intent: null, language: 'an unknown language' });
    expect(brief.summary).toBe('Sara Ali opened a conversation via chat; no messages yet. Conversation #1042 is open, normal priority.');
    expect(buildLocalBrief(blankInput(), 'ar').summary).toBe('فتح Sara Ali محادثة عبر الدردشة ولا رسائل بعد. المحادثة رقم 1042 مفتوحة وأولويتها عادية.');
  });

  it('when the conversation is long, then at most five of the latest attempts and promises are kept, and quotes stay short', () => {
    const messages = Array.from({ length: 600 }, (_, i) =>
      i % 3 === 0
        ? message(i + 1, 'customer', '10:00', `Any news on order ${i}? ${'x'.repeat(20_000)}`)
        : i % 3 === 1
          ? message(i + 1, 'agent', '10:00', `Could you confirm the address for parcel ${i}? ${'word '.repeat(200)}`, 'Omar')
          : message(i + 1, 'agent', '10:00', `I will call you about parcel ${i} tomorrow.`, 'Omar'),
    );
    const brief = buildLocalBrief(blankInput({ messages, now: at('11:00') }));
    expect(brief.tried).toHaveLength(5);
    expect(brief.tried.at(-1)).toContain('parcel 598');
    expect(brief.promised).toEqual([587, 590, 593, 596, 599].map((n) => `I will call you about parcel ${n} tomorrow.`));
    expect(Math.max(...brief.tried.map((t) => t.length))).toBeLessThan(200);
    expect(brief.openQuestion).toBeNull();
  });

  it('when a customer pastes a huge message with a question, then the open question is cut short', () => {
    const brief = buildLocalBrief(blankInput({ messages: [message(1, 'customer', '10:00', `Can you read this ${'log line '.repeat(500)}`)] }));
    expect(brief.openQuestion?.length).toBeLessThanOrEqual(300);
    expect(brief.openQuestion?.endsWith('…')).toBe(true);
  });
});
