import WebSocket from 'ws';

/** Sockets that send and the sockets that should see each message, plus the latency samples. */
export interface LoadPlan {
  visitors: number;
  agents: number;
  messagesPerVisitor: number;
  /** Messages a visitor may have in flight (sent, not yet acknowledged). */
  window: number;
}

export interface LoadResult {
  messages: number;
  seconds: number;
  perSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function open(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers, perMessageDeflate: false });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

/**
 * Drives the load: every visitor sends its messages (a bounded window in flight, each waiting for
 * its ack), and the latency of a message is from its send to the first agent socket receiving it.
 * `frameFor` builds what a visitor sends; `clientIdOf` reads the client id back from what an agent
 * receives and `ackOf` from what the visitor receives — the only differences between Sanad and the
 * bare relay.
 */
export async function drive(
  plan: LoadPlan,
  visitors: WebSocket[],
  agents: WebSocket[],
  codec: {
    frameFor(visitor: number, n: number, clientId: string): string;
    clientIdOf(agentFrame: string): string | null;
    ackOf(visitorFrame: string): string | null;
  },
): Promise<LoadResult> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const total = plan.visitors * plan.messagesPerVisitor;
  let resolveAll!: () => void;
  const allSeen = new Promise<void>((r) => (resolveAll = r));
  for (const agent of agents) {
    agent.on('message', (data) => {
      const id = codec.clientIdOf(String(data));
      if (!id) return;
      const start = sentAt.get(id);
      if (start === undefined) return;
      sentAt.delete(id);
      latencies.push(performance.now() - start);
      if (latencies.length === total) resolveAll();
    });
  }
  const began = performance.now();
  await Promise.all(
    visitors.map((socket, v) => new Promise<void>((done) => {
      let sent = 0;
      let acked = 0;
      const sendNext = () => {
        const clientId = `v${v}-m${sent}`;
        sent++;
        sentAt.set(clientId, performance.now());
        socket.send(codec.frameFor(v, sent, clientId));
      };
      socket.on('message', (data) => {
        if (!codec.ackOf(String(data))) return;
        acked++;
        if (sent < plan.messagesPerVisitor) sendNext();
        if (acked === plan.messagesPerVisitor) done();
      });
      for (let i = 0; i < Math.min(plan.window, plan.messagesPerVisitor); i++) sendNext();
    })),
  );
  await Promise.race([allSeen, new Promise((r) => setTimeout(r, 30_000))]);
  const seconds = (performance.now() - began) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    messages: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    latencyMs: { p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN },
  };
}
