import { WebSocketServer, type WebSocket } from 'ws';

/**
 * The floor: a WebSocket server that acknowledges each visitor message and forwards it to every
 * agent socket at once, with no storage, no validation and no ordering work.
 */
export async function startBareRelay(): Promise<{ url: string; close(): Promise<void> }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  await new Promise<void>((r) => server.once('listening', () => r()));
  const agents = new Set<WebSocket>();
  server.on('connection', (socket, request) => {
    if (request.url?.startsWith('/agent')) {
      agents.add(socket);
      socket.on('close', () => agents.delete(socket));
      return;
    }
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { clientId: string; body: string };
      socket.send(JSON.stringify({ type: 'ack', clientId: frame.clientId }));
      const out = JSON.stringify({ type: 'message', message: { clientId: frame.clientId, body: frame.body } });
      for (const agent of agents) agent.send(out);
    });
  });
  const { port } = server.address() as { port: number };
  return {
    url: `ws://127.0.0.1:${port}`,
    close: () => new Promise((r) => {
      for (const client of server.clients) client.terminate();
      server.close(() => r());
    }),
  };
}
