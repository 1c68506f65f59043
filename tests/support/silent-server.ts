import { createServer, type Socket } from 'node:net';

export interface SilentServer {
  /** e.g. redis://127.0.0.1:PORT */
  url: string;
  close(): Promise<void>;
}

/** A TCP server on 127.0.0.1 that accepts connections and never answers: a hung Redis, as a client sees it. */
export async function startSilentServer(): Promise<SilentServer> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `redis://127.0.0.1:${port}`,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
