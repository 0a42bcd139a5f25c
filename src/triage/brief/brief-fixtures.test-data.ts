/** Conversations written for the brief tests: one English, one Gulf Arabic, and a blank one to build on. */
import type { BriefInput, BriefMessage, BriefMessageKind } from './brief-types.ts';

const day = '2026-11-23';

export function at(time: string): Date {
  return new Date(`${day}T${time}:00Z`);
}

export function message(seq: number, kind: BriefMessageKind, time: string, body: string, authorName?: string): BriefMessage {
  return { seq, kind, body, createdAt: at(time), ...(authorName ? { authorName } : {}) };
}

export function blankInput(overrides: Partial<BriefInput> = {}): BriefInput {
  return {
    customer: { name: 'Sara Ali', identities: [], earlierConversations: 0, contactSince: new Date('2024-03-01T00:00:00Z') },
    conversation: { number: 1042, channel: 'chat', status: 'open', priority: 'normal', language: null, tags: [], createdAt: at('10:00') },
    triage: { language: null, dialect: null, intent: null, sentiment: null, urgency: null, facts: [] },
    messages: [],
    transfers: [],
    now: at('10:30'),
    ...overrides,
  };
}

export function englishInput(): BriefInput {
  return blankInput({
    customer: {
      name: 'Sara Ali',
      tier: 'gold',
      identities: [{ kind: 'email', value: 'sara@example.com' }, { kind: 'visitor', value: 'v_8f2c' }, { kind: 'phone', value: '+966501234567' }],
      earlierConversations: 3,
      contactSince: new Date('2024-03-01T00:00:00Z'),
    },
    conversation: { number: 1042, channel: 'chat', status: 'open', priority: 'high', language: 'en', tags: ['refund'], createdAt: at('10:00'), ownerName: 'Omar', teamName: 'Billing' },
    triage: {
      language: 'en',
      dialect: null,
      intent: { label: 'order_not_delivered', confidence: 0.82 },
      sentiment: { label: 'negative', score: -0.6 },
      urgency: { level: 'high', reasons: ['waiting two weeks'] },
      facts: [
        { kind: 'order_number', value: '48213' },
        { kind: 'amount', value: '349 SAR' },
        { kind: 'order_number', value: '48213' },
        { kind: 'email', value: 'sara@example.com' },
        { kind: 'email', value: ' sara@example.com ' },
      ],
    },
    messages: [
      message(1, 'customer', '10:00', "Hi, my order 48213 hasn't arrived. I paid 349 SAR two weeks ago!"),
      message(2, 'bot', '10:00', 'Thanks for reaching out. How can I help you today?', 'Sanad bot'),
      message(3, 'agent', '10:02', 'Sorry about that. Could you share the email on the order?', 'Omar'),
      message(4, 'customer', '10:03', 'sara@example.com'),
      message(5, 'agent', '10:06', "I've checked with the courier; the parcel is stuck in Riyadh. I will call you tomorrow with an update.", 'Omar'),
      message(6, 'note', '10:07', 'Courier case T-7731 opened, they blame customs.', 'Omar'),
      message(7, 'agent', '10:09', 'Here is your refund link: https://pay.example.com/r/48213', 'Omar'),
      message(8, 'agent', '10:10', "We'll refund the 349 SAR within 3 days.", 'Omar'),
      message(9, 'customer', '10:12', 'Ok thanks. Can you also send me the invoice by email?'),
    ],
    transfers: [{ from: 'Sanad bot', to: 'Billing', reason: 'refund over the bot limit', at: at('10:01') }],
    now: at('10:37'),
  });
}

export function arabicInput(): BriefInput {
  return blankInput({
    customer: { name: 'نورة', identities: [{ kind: 'phone', value: '0501234567' }], earlierConversations: 0, contactSince: new Date('2026-11-20T08:00:00Z') },
    conversation: { number: 77, channel: 'whatsapp', status: 'pending', priority: 'urgent', language: 'ar', tags: [], createdAt: at('09:00'), ownerName: 'خالد' },
    triage: {
      language: 'ar',
      dialect: 'gulf',
      intent: { label: 'refund_request', confidence: 0.4 },
      sentiment: null,
      urgency: null,
      facts: [{ kind: 'order_number', value: '48213' }, { kind: 'phone', value: '0501234567' }, { kind: 'order_number', value: '48213' }],
    },
    messages: [
      message(1, 'customer', '09:00', 'السلام عليكم، طلبي رقم ٤٨٢١٣ ما وصل لين الحين'),
      message(2, 'agent', '09:03', 'وعليكم السلام، ممكن ترسل لي رقم الجوال المسجل بالطلب؟', 'خالد'),
      message(3, 'customer', '09:04', '0501234567'),
      message(4, 'agent', '09:10', 'تحققت من شركة الشحن والشحنة متأخرة. سأعيد لك المبلغ خلال ٣ أيام.', 'خالد'),
      message(5, 'note', '09:11', 'صعدت الموضوع لفريق المالية', 'خالد'),
      message(6, 'agent', '09:12', 'حصل خطأ عند شركة الشحن. راح نتواصل معك بكرة إن شاء الله', 'خالد'),
      message(7, 'customer', '09:20', 'طيب، متى بيوصل المبلغ بالضبط؟'),
    ],
    now: at('11:20'),
  });
}
