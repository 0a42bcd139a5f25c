import type { WebSocket } from 'ws';
import { getConversation, type MessageKind } from '../../conversations/index.ts';
import { parseAgentFrame } from './chat-frames.ts';
import { ChatSocket, type SocketDeps } from './chat-socket.ts';
import type { TypingSignal } from './visitor-socket.ts';

/** An agent's socket: every conversation of the workspace, internal notes included. */
export class AgentSocket extends ChatSocket {
  protected readonly visibleKinds: readonly MessageKind[] = ['customer', 'agent', 'note', 'bot', 'system'];

  constructor(
    socket: WebSocket,
    deps: SocketDeps,
    readonly workspaceId: string,
    private readonly agent: { id: string; name: () => Promise<string> },
    private readonly signalTyping: (signal: TypingSignal) => Promise<void>,
  ) {
    super(socket, deps);
  }

  start(): void {
    this.send({ type: 'ready', agentId: this.agent.id });
  }

  protected async receive(text: string): Promise<void> {
    const parsed = parseAgentFrame(text);
    if (!parsed.ok) return this.error(parsed.code, parsed.message, parsed.ref);
    const frame = parsed.frame;
    try {
      switch (frame.type) {
        case 'ping':
          return this.send({ type: 'pong' });
        case 'resume':
          await getConversation(this.deps.ctx, this.workspaceId, frame.conversationId);
          return await this.resumeStream(frame.conversationId, frame.afterSeq);
        case 'typing':
          await getConversation(this.deps.ctx, this.workspaceId, frame.conversationId);
          return await this.signalTyping({
            workspaceId: this.workspaceId, conversationId: frame.conversationId, typing: frame.typing, who: { type: 'agent', name: await this.agent.name() },
          });
      }
    } catch (error) {
      this.failed(error, undefined);
    }
  }
}
