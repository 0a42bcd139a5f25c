/**
 * A test app with routing rules on: its tables migrated, the subscriber started and the rules'
 * routes served by a bare Fastify beside the app (until the app serves them itself), plus a
 * workspace model that knows the intent `charged_twice`.
 */
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { createTeam, type Team } from '../../accounts/index.ts';
import { authenticateRequest } from '../../auth/index.ts';
import { installErrorHandling, registerRoutes, validatorCompiler } from '../../http/index.ts';
import { migrate } from '../../platform/db/index.ts';
import { testApp, type Caller, type TestApp } from '../../testing/index.ts';
import { createCategory, retrainIntentModel } from '../../triage/index.ts';
import { changeWorkspace } from '../../workspaces/index.ts';
import { findConversationRouting, type ConversationRouting, type RoutingStage } from './conversation-routing-store.ts';
import { routingRulesMigrations } from './migrations.ts';
import { routingRulesRoutes } from './rule-routes.ts';
import { startRoutingRules } from './routing-subscriber.ts';

const system = { type: 'system' } as const;

/** Twelve examples each, English and Arabic dialects: enough for a model that reads them back. */
export const intentExamples: Record<string, string[]> = {
  charged_twice: [
    'I was charged twice for the same order', 'you took the money two times from my card', 'double charge on my credit card',
    'my card was billed twice', 'انسحب المبلغ مرتين من البطاقة', 'خصمتوا الفلوس مرتين', 'there are two identical payments on my statement',
    'اتخصم مني مرتين على نفس الطلب', 'the payment went through twice', 'I see a duplicate charge', 'تم الخصم مرتين', 'charged two times for one purchase',
  ],
  delivery: [
    'where is my package', 'my order has not arrived yet', 'the courier never came', 'tracking shows delivered but I got nothing',
    'وين الطلب حقي', 'the delivery is late by a week', 'الطلب ما وصل لحد الآن', 'المندوب ما جاء', 'when will my parcel arrive',
    'الشحنة متأخرة', 'my order is stuck in transit', 'فين الأوردر بتاعي',
  ],
  login: [
    'I cannot log in to my account', 'my password is not working', 'the app says wrong password after reset', 'ما أقدر أسجل دخول',
    'the verification code never arrives', 'how do I reset my password', 'I am locked out of my account', 'نسيت كلمة السر',
    'الحساب مقفول ومش قادر أدخل', 'رمز التحقق ما يوصلني', 'كلمة المرور غلط', 'sign in keeps failing',
  ],
};

export interface RoutingHarness extends TestApp {
  rulesApp: FastifyInstance;
  teams: Record<'billing' | 'vip' | 'nights' | 'support', Team>;
  errors: unknown[];
  /** A call to the rules' routes, as `call` is to the app's. */
  rules(caller: Caller, method: string, url: string, payload?: unknown): ReturnType<TestApp['call']>;
  /** Waits until rules have run the stage for the conversation. */
  routedAt(conversationId: string, stage: RoutingStage): Promise<ConversationRouting>;
  stop(): Promise<void>;
}

/** `model: false` skips training the intent model, for tests that never need an intent read. */
export async function routingHarness(options: { model?: boolean } = {}): Promise<RoutingHarness> {
  const t = await testApp({ triage: { retrainDelayMs: 1e9 } });
  const ctx = t.ctx;
  await migrate(ctx.db, routingRulesMigrations);
  const errors: unknown[] = [];
  const unsubscribe = await startRoutingRules(ctx, { onError: (e) => errors.push(e) });
  // The subscriber announces a stage after its actions are applied; tests wait for that.
  const routed = new Set<string>();
  const unlisten = await ctx.bus.subscribe((event) => {
    if (event.type === 'conversation.routed') routed.add(`${event.subjectId}/${(event.payload as { stage: string }).stage}`);
  });
  // Riyadh: Sunday to Thursday is the working week; the test clock's Monday 09:00 UTC is 12:00 there.
  await changeWorkspace(ctx, t.workspace.id, { settings: { timeZone: 'Asia/Riyadh' } }, system);
  const team = (name: string) => createTeam(ctx, t.workspace.id, { name }, system);
  const teams = { billing: await team('Billing'), vip: await team('VIP'), nights: await team('Nights'), support: await team('Support') };
  if (options.model !== false) {
    for (const [name, texts] of Object.entries(intentExamples)) {
      await createCategory(ctx, t.workspace.id, { name, examples: texts.map((text) => ({ text })) }, system);
    }
    await retrainIntentModel(ctx, t.workspace.id, system);
  }

  const rulesApp = Fastify({ ajv: { customOptions: { removeAdditional: false } } });
  rulesApp.setValidatorCompiler(validatorCompiler);
  installErrorHandling(rulesApp);
  await rulesApp.register(cookie);
  registerRoutes(rulesApp, routingRulesRoutes(ctx), { authenticate: (request) => authenticateRequest(ctx, request), trustedOrigins: [] });

  const routedAt = async (conversationId: string, stage: RoutingStage) => {
    for (let i = 0; i < 400; i++) {
      const routing = await findConversationRouting(ctx.db, t.workspace.id, conversationId);
      if (routing && routed.has(`${conversationId}/${stage}`)) return routing;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`conversation ${conversationId} was not routed at stage ${stage}; errors: ${errors.map(String).join('; ')}`);
  };
  return {
    ...t, rulesApp, teams, errors, routedAt,
    rules: (caller, method, url, payload) =>
      rulesApp.inject({ method: method as 'GET', url, headers: caller.headers, ...(payload === undefined ? {} : { payload: payload as object }) }),
    async stop() {
      await unsubscribe();
      await unlisten();
      await rulesApp.close();
      await t.app.close();
    },
  };
}
