// A free TCP port on loopback, for servers this project starts itself (the embedded PostgreSQL,
// the e2e web server, benchmark apps). The port is free when returned; bind it soon after.
import { createServer } from "node:net";

export function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error(`Could not find a free port on ${host}.`));
      });
    });
  });
}
