// A counting TCP proxy in front of PostgreSQL: it forwards bytes untouched and counts the statements
// the app sends (simple-protocol Query messages and extended-protocol Execute messages), so a
// benchmark can report "database statements per chat turn" without touching the app.
import net from "node:net";

export type CountingProxy = { url: string; statements(): number; close(): Promise<void> };

/** Parses the frontend message stream of one connection and counts Q and E messages. */
function statementCounter(onStatement: () => void) {
  let buffer = Buffer.alloc(0);
  let started = false;
  return (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (!started) {
        // Startup (or SSL/GSS request) messages have no type byte: int32 length first.
        if (buffer.length < 4) return;
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) return;
        const code = buffer.length >= 8 ? buffer.readInt32BE(4) : 0;
        buffer = buffer.subarray(length);
        // 80877103 = SSLRequest, 80877104 = GSSENCRequest: the real startup message follows.
        if (code !== 80877103 && code !== 80877104) started = true;
        continue;
      }
      if (buffer.length < 5) return;
      const type = String.fromCharCode(buffer[0] ?? 0);
      const length = buffer.readInt32BE(1);
      if (buffer.length < length + 1) return;
      if (type === "Q" || type === "E") onStatement();
      buffer = buffer.subarray(length + 1);
    }
  };
}

export async function startCountingProxy(databaseUrl: string): Promise<CountingProxy> {
  const target = new URL(databaseUrl);
  let count = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    // Without this, Nagle's algorithm holds back small protocol messages and the proxy itself
    // would add delay that the app does not have.
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    sockets.add(client);
    sockets.add(upstream);
    const count1 = statementCounter(() => {
      count += 1;
    });
    client.on("data", (chunk: Buffer) => {
      count1(chunk);
      upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("close", end);
    upstream.on("close", end);
    client.on("error", end);
    upstream.on("error", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    statements: () => count,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
