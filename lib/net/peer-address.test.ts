// A real HTTP server on loopback: the handler must see the TCP peer under the private header, and a
// client that sends that header itself must not be able to choose the value.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER, stampPeerAddresses } from "@/lib/net/peer-address";

let server: http.Server;
let port = 0;

beforeAll(async () => {
  stampPeerAddresses();
  server = http.createServer((req, res) => {
    res.end(JSON.stringify({ stamped: req.headers[PEER_ADDRESS_HEADER] ?? null, raw: req.rawHeaders.filter((_, i) => i % 2 === 0) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function ask(localAddress: string, headers: Record<string, string> = {}): Promise<{ stamped: string | null; raw: string[] }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: "/", localAddress, headers }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve(JSON.parse(body) as { stamped: string | null; raw: string[] }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("stampPeerAddresses", () => {
  it("stamps the socket's address", async () => {
    expect((await ask("127.0.0.2")).stamped).toBe("127.0.0.2");
  });

  it("replaces a copy of the private header the client sent", async () => {
    const seen = await ask("127.0.0.3", { [PEER_ADDRESS_HEADER]: "203.0.113.7", "X-Forwarded-For": "203.0.113.8" });
    expect(seen.stamped).toBe("127.0.0.3");
    expect(seen.raw.filter((name) => name.toLowerCase() === PEER_ADDRESS_HEADER)).toHaveLength(1);
  });
});
