// A TCP proxy for tests: put it between the app and PostgreSQL (or any server) and cut the line for
// real, the way a database restart or a network split does, instead of mocking the client.
import { createConnection, createServer, type Server, type Socket } from "node:net";

export type TcpProxy = {
  /** host:port of the proxy, to use in place of the target's. */
  host: string;
  port: number;
  /** Rewrites a URL (e.g. a postgres:// connection string) to go through the proxy. */
  rewrite(url: string): string;
  /** Closes every open connection and refuses new ones (each accepted socket is reset at once). */
  cut(): void;
  /** Lets new connections through again. */
  restore(): void;
  readonly connections: number;
  close(): Promise<void>;
};

export async function startTcpProxy(target: { host: string; port: number }, listenHost = "127.0.0.1"): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let cut = false;

  const server: Server = createServer((client) => {
    if (cut) {
      client.resetAndDestroy();
      return;
    }
    const upstream = createConnection({ host: target.host, port: target.port });
    open.add(client);
    open.add(upstream);
    const drop = () => {
      open.delete(client);
      open.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, listenHost, resolve);
  });
  const address = server.address();
  if (!address || typeof address !== "object") throw new Error("The TCP proxy did not get a port.");

  const cutAll = () => {
    cut = true;
    for (const socket of open) socket.resetAndDestroy();
    open.clear();
  };
  return {
    host: listenHost,
    port: address.port,
    rewrite(url) {
      const parsed = new URL(url);
      parsed.hostname = listenHost;
      parsed.port = String(address.port);
      return parsed.toString();
    },
    cut: cutAll,
    restore() {
      cut = false;
    },
    get connections() {
      return open.size / 2;
    },
    close() {
      cutAll();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
