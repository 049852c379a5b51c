import { connect, createServer, type Server, type Socket } from "node:net";

export interface TcpRelay {
  port: number;
  /** Stop listening and cut every relayed connection: the app then meets "connection refused". */
  close: () => Promise<void>;
  /** Listen again on the same port. */
  open: () => Promise<void>;
}

/**
 * A TCP relay on 127.0.0.1 in front of another address: between the app and PostgreSQL it lets a test take
 * the database away (refused connections) and give it back, without touching the real server.
 */
export async function startTcpRelay(target: { host: string; port: number }, port = 0): Promise<TcpRelay> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let listening = port;

  const listen = (): Promise<void> =>
    new Promise((done, fail) => {
      const next = createServer((client) => {
        const upstream = connect(target.port, target.host);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.once("close", () => sockets.delete(socket));
          socket.on("error", () => {
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      next.once("error", fail);
      next.listen(listening, "127.0.0.1", () => {
        const address = next.address();
        if (typeof address === "object" && address) listening = address.port;
        server = next;
        done();
      });
    });

  await listen();
  return {
    port: listening,
    open: listen,
    close: () =>
      new Promise((done) => {
        for (const socket of sockets) socket.destroy();
        if (server) server.close(() => done());
        else done();
        server = undefined;
      }),
  };
}
