import { getAgent } from '../../accounts/index.ts';
import type { Message } from '../../conversations/index.ts';
import type { QueryContext } from '../../platform/outbox/index.ts';

export interface MessageView {
  id: string;
  seq: number;
  kind: Message['kind'];
  author: { type: string; id?: string; name?: string };
  body: string;
  clientId: string | null;
  attachments: { id: string; name: string; contentType: string; size: number }[];
  createdAt: string;
}

/**
 * Who is speaking, by name: agents are looked up (and remembered for a minute), bots say they are
 * bots. Built once per message and shared by every socket that receives it.
 */
export type MessageViewer = (workspaceId: string, message: Message) => Promise<MessageView>;

export function messageViews(ctx: QueryContext): MessageViewer {
  const names = new Map<string, { name: string; until: number }>();
  const agentName = async (workspaceId: string, id: string): Promise<string | undefined> => {
    const now = ctx.clock().getTime();
    const cached = names.get(id);
    if (cached && cached.until > now) return cached.name;
    const agent = await getAgent(ctx, workspaceId, id).catch(() => null);
    if (agent) names.set(id, { name: agent.name, until: now + 60_000 });
    return agent?.name;
  };
  return async (workspaceId, m) => {
    const author: MessageView['author'] = { type: m.author.type };
    if ('id' in m.author && m.author.id) author.id = m.author.id;
    if (m.author.type === 'agent') {
      const name = await agentName(workspaceId, m.author.id);
      if (name) author.name = name;
    }
    if (m.kind === 'bot') author.name = 'Sanad bot';
    return { id: m.id, seq: m.seq, kind: m.kind, author, body: m.body, clientId: m.clientId, attachments: m.attachments, createdAt: m.createdAt.toISOString() };
  };
}
