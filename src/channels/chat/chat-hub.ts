import { getAgent } from '../../accounts/index.ts';
import { getConversation, getMessageBySeq } from '../../conversations/index.ts';
import type { StoredEvent } from '../../kernel/index.ts';
import type { Unsubscribe } from '../../platform/pubsub/index.ts';
import type { AgentSocket } from './agent-socket.ts';
import type { ChatSocket, SocketDeps, TypingSignal } from './chat-socket.ts';
import type { VisitorSocket } from './visitor-socket.ts';
import { sweepPresence, touchPresence } from './presence.ts';

export const typingChannel = 'sanad.chat.typing';
export const heartbeatMs = 25_000;

const conversationEvents = new Set(['conversation.created', 'conversation.status_changed', 'conversation.assigned', 'conversation.updated', 'conversation.read']);

/**
 * This node's chat sockets, and the bridge from committed events to them. Every node runs one; the
 * event bus (Redis across nodes) brings each event to every hub, and each hub serves its own sockets.
 */
export class ChatHub {
  private readonly visitors = new Set<VisitorSocket>();
  private readonly agents = new Set<AgentSocket>();
  private readonly subscriptions: Unsubscribe[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;

  /** What every socket of this node is built with, typing signals routed through this hub. */
  readonly socketDeps: SocketDeps;

  constructor(private readonly deps: Omit<SocketDeps, 'signalTyping'>) {
    this.socketDeps = { ...deps, signalTyping: (signal) => this.signalTyping(signal) };
  }

  async start(heartbeatEveryMs = heartbeatMs): Promise<void> {
    this.subscriptions.push(await this.deps.ctx.bus.subscribe((event) => this.onEvent(event)));
    this.subscriptions.push(await this.deps.ctx.pubsub.subscribe(typingChannel, (raw) => this.onTyping(raw)));
    this.timer = setInterval(() => {
      for (const socket of [...this.visitors, ...this.agents]) socket.heartbeat();
      // Waiting visitors see their place move even when nothing happens in their own chat.
      for (const visitor of this.visitors) visitor.refreshQueue().catch((error: unknown) => this.deps.log(error, 'chat queue'));
      this.keepPresence().catch((error: unknown) => this.deps.log(error, 'agent presence'));
    }, heartbeatEveryMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    for (const unsubscribe of this.subscriptions.splice(0)) await unsubscribe();
    for (const socket of [...this.visitors, ...this.agents]) socket.close();
  }

  addVisitor(socket: VisitorSocket): () => void {
    this.visitors.add(socket);
    return () => this.visitors.delete(socket);
  }

  addAgent(socket: AgentSocket): () => void {
    this.agents.add(socket);
    touchPresence(this.deps.ctx, [{ id: socket.agentId, workspaceId: socket.workspaceId }]).catch((error: unknown) => this.deps.log(error, 'agent presence'));
    return () => this.agents.delete(socket);
  }

  readonly signalTyping = (signal: TypingSignal): Promise<void> => this.deps.ctx.pubsub.publish(typingChannel, JSON.stringify(signal));

  /** Marks this node's connected consoles as present, then lets consoles gone too long go away. */
  private async keepPresence(): Promise<void> {
    const connected = new Map([...this.agents].map((a) => [a.agentId, { id: a.agentId, workspaceId: a.workspaceId }]));
    await touchPresence(this.deps.ctx, [...connected.values()]);
    await sweepPresence(this.deps.ctx);
  }

  private agentsOf(workspaceId: string): AgentSocket[] {
    return [...this.agents].filter((a) => a.workspaceId === workspaceId);
  }

  private async onEvent(event: StoredEvent): Promise<void> {
    const workspaceId = event.workspaceId;
    if (!workspaceId || event.subjectType !== 'conversation') return;
    const conversationId = event.subjectId;
    if (event.type === 'message.created') {
      const { seq, kind } = event.payload as { seq: number; kind: Parameters<ChatSocket['notifyMessage']>[2] };
      const agents = this.agentsOf(workspaceId);
      const visitors = [...this.visitors].filter((v) => v.follows(conversationId));
      if (agents.length === 0 && visitors.length === 0) return;
      // Read once for every socket here, not once per socket.
      const message = await getMessageBySeq(this.deps.ctx, workspaceId, conversationId, seq);
      const view = message ? await this.deps.view(workspaceId, message) : undefined;
      for (const socket of [...agents, ...visitors]) socket.notifyMessage(conversationId, seq, kind, view);
      return;
    }
    if (!conversationEvents.has(event.type)) {
      // Anything else about a conversation (a reply sent or failing, an SLA step) is only named, so
      // consoles showing it can refresh that part without polling; the hub knows no channel's events.
      const frame = { type: 'conversation_event', conversationId, event: event.type };
      for (const agent of this.agentsOf(workspaceId)) agent.send(frame);
      return;
    }
    const interested = this.agentsOf(workspaceId);
    const visitors = [...this.visitors].filter((v) => v.workspaceId === workspaceId);
    if (interested.length === 0 && visitors.length === 0) return;
    const conversation = await getConversation(this.deps.ctx, workspaceId, conversationId);
    for (const agent of interested) agent.send({ type: 'conversation', conversation });
    for (const visitor of visitors) {
      if (conversation.channel === 'chat' && visitor.contactIds.includes(conversation.contactId)) visitor.follow(conversation.id, 0);
      if (!visitor.follows(conversation.id)) continue;
      if (event.type === 'conversation.status_changed' || event.type === 'conversation.assigned') {
        const agent = conversation.ownerId ? await getAgent(this.deps.ctx, workspaceId, conversation.ownerId).catch(() => null) : null;
        visitor.send({ type: 'conversation', conversation: { id: conversation.id, status: conversation.status, agent: agent ? { name: agent.name } : null } });
        await visitor.refreshQueue(true);
      }
    }
  }

  private onTyping(raw: string): void {
    let signal: TypingSignal;
    try {
      signal = JSON.parse(raw) as TypingSignal;
    } catch {
      return;
    }
    const frame = { type: 'typing', conversationId: signal.conversationId, typing: signal.typing, who: signal.who };
    if (signal.who.type === 'contact') for (const agent of this.agentsOf(signal.workspaceId)) agent.send(frame);
    else for (const visitor of this.visitors) if (visitor.follows(signal.conversationId)) visitor.send(frame);
  }
}
