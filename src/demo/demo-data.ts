import type { NewAgentInput } from '../accounts/index.ts';
import type { NewConversationInput } from '../conversations/index.ts';

/** The people and conversations of the demo workspace: a bilingual team with an evening rush. */
export const demoTeams = [
  { key: 'billing', name: 'Billing · الفوترة', description: 'Payments, refunds, invoices' },
  { key: 'technical', name: 'Technical support · الدعم الفني', description: 'Sign-in, apps, outages' },
] as const;

type TeamKey = (typeof demoTeams)[number]['key'];

export const demoAgents: (Omit<NewAgentInput, 'workspaceId' | 'teamIds'> & { teams: TeamKey[] })[] = [
  {
    email: 'layla@sanad.test', name: 'Layla Haddad · ليلى حداد', role: 'supervisor', timeZone: 'Asia/Riyadh', teams: ['billing'],
    languages: [{ code: 'ar', proficiency: 5 }, { code: 'en', proficiency: 4 }], skills: [{ name: 'billing', proficiency: 5 }, { name: 'refunds', proficiency: 4 }],
  },
  {
    email: 'omar@sanad.test', name: 'Omar Farouk · عمر فاروق', role: 'agent', timeZone: 'Africa/Cairo', teams: ['technical'],
    languages: [{ code: 'ar', proficiency: 5 }, { code: 'en', proficiency: 3 }], skills: [{ name: 'technical', proficiency: 4 }, { name: 'login', proficiency: 5 }],
    capacity: { chat: 4 },
  },
  {
    email: 'sarah@sanad.test', name: 'Sarah Miller', role: 'agent', timeZone: 'Europe/London', teams: ['billing', 'technical'],
    languages: [{ code: 'en', proficiency: 5 }, { code: 'fr', proficiency: 3 }], skills: [{ name: 'billing', proficiency: 3 }, { name: 'technical', proficiency: 3 }],
  },
  {
    email: 'youssef@sanad.test', name: 'Youssef Benali · يوسف بن علي', role: 'agent', timeZone: 'Africa/Casablanca', teams: ['technical'],
    languages: [{ code: 'ar', proficiency: 4 }, { code: 'fr', proficiency: 5 }, { code: 'en', proficiency: 3 }], skills: [{ name: 'technical', proficiency: 4 }],
  },
];

export interface DemoConversation {
  input: Omit<NewConversationInput, 'teamId'> & { team: TeamKey };
  owner?: string;
  replies?: { kind: 'agent' | 'note'; body: string }[];
  status?: 'pending' | 'resolved';
}

export const demoConversations: DemoConversation[] = [
  {
    input: {
      channel: 'chat', team: 'billing', language: 'ar', priority: 'high', tags: ['charged-twice'],
      contact: { name: 'نورة العتيبي', language: 'ar', identity: { kind: 'phone', value: '+966 50 123 4567' } },
      message: { kind: 'customer', body: 'السلام عليكم، تم خصم المبلغ مرتين من بطاقتي للطلب رقم 48213 (٣٤٩ ريال). أرجو المساعدة.' },
    },
    owner: 'layla@sanad.test',
    replies: [
      { kind: 'agent', body: 'وعليكم السلام نورة، أعتذر عن ذلك. أتحقق الآن من الطلب 48213 وسأعود إليك خلال دقائق.' },
      { kind: 'note', body: 'Two captures on the same card 2 minutes apart; refund the second one.' },
    ],
  },
  {
    input: {
      channel: 'email', team: 'technical', language: 'en', subject: 'Cannot sign in since the update',
      contact: { name: 'James Carter', language: 'en', identity: { kind: 'email', value: 'james.carter@example.com' } },
      message: { kind: 'customer', body: "Hi, since yesterday's app update I can't log in. It says my password is wrong but I reset it twice. Ticket T-7731 from last week was about the same thing." },
    },
  },
  {
    input: {
      channel: 'whatsapp', team: 'technical', language: 'ar', tags: ['app'],
      contact: { name: 'Karim', identity: { kind: 'phone', value: '+20 100 555 0199' } },
      message: { kind: 'customer', body: "salam, el app msh sha3'al 3andi men embare7, kol ma aftaho y2fel lwa7do" },
    },
    owner: 'omar@sanad.test',
    replies: [{ kind: 'agent', body: 'أهلاً كريم، ممكن تبعتلي نوع الموبايل ورقم إصدار التطبيق؟' }],
    status: 'pending',
  },
  {
    input: {
      channel: 'chat', team: 'billing', language: 'en',
      contact: { name: 'Amélie Durand', language: 'fr', identity: { kind: 'email', value: 'amelie.durand@example.fr' } },
      message: { kind: 'customer', body: 'Hello, can I get an invoice with my company name for order 51007?' },
    },
    owner: 'sarah@sanad.test',
    replies: [{ kind: 'agent', body: 'Of course! I have sent the invoice for order 51007 to amelie.durand@example.fr.' }],
    status: 'resolved',
  },
];
