import type { WebSocket } from 'ws';
import { getConversation, type MessageKind } from '../../conversations/index.ts';
import { parseAgentFrame } from './chat-frames.ts';
import { ChatSocket, type SocketDeps, type TypingSignal } from './chat-socket.ts';

/** An agent's socket: every conversation of the workspace, internal notes included. */
export class AgentSocket extends ChatSocket {
  protected readonly visibleKinds: readonly MessageKind[] = ['customer', 'agent', 'note', 'bot', 'system'];

  constructor(
    socket: WebSocket,
    deps: SocketDeps,
    readonly workspaceId: string,
    private readonly agent: { id: string; name: () => Promise<string> },
  ) {
    super(socket, deps);
  }

  get agentId(): string {
    return this.agent.id;
  }

  start(): void {
    this.send({ type: 'ready', agentId: this.agent.id });
  }

  protected parse(text: string) {
    return parseAgentFrame(text);
  }

  protected async authorize(conversationId: string): Promise<void> {
    await getConversation(this.deps.ctx, this.workspaceId, conversationId);
  }

  protected async typist(): Promise<TypingSignal['who']> {
    return { type: 'agent', name: await this.agent.name() };
  }

  protected async handleOwn(): Promise<void> {
    // Agents write through the REST API; the parser admits no other frame types.
  }
}
