// Live tests only ever talk to servers on loopback (127.0.0.1, 127.0.0.2, ::1) that this file starts.
// Private, link-local and public addresses are never contacted: the one test that names them replaces
// http.request/https.request with a spy that throws, and shows the refusal came before either ran.
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { safeFetch, SafeFetchError, type SafeFetchErrorCode } from "@/lib/net/safe-fetch";

type TestServer = { server: http.Server; port: number; connections: number; requests: number };

async function startServer(host: string, handler: http.RequestListener): Promise<TestServer | null> {
  const server = http.createServer(handler);
  const state: TestServer = { server, port: 0, connections: 0, requests: 0 };
  server.on("connection", () => state.connections++);
  server.on("request", () => state.requests++);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, host, resolve);
    });
  } catch {
    return null; // e.g. no IPv6 loopback, or 127.0.0.2 not bindable on this OS
  }
  state.port = (server.address() as AddressInfo).port;
  return state;
}

let main: TestServer;
let second: TestServer | null;
let v6: TestServer | null;
const stalled: http.ServerResponse[] = [];

beforeAll(async () => {
  second = await startServer("127.0.0.2", (req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ authorization: req.headers.authorization ?? null, custom: req.headers["x-custom"] ?? null }));
  });
  const started = await startServer("127.0.0.1", (req, res) => {
    const path = req.url ?? "/";
    if (path === "/ok") return void res.end("hello");
    if (path === "/big") return void res.end("a".repeat(1024 * 1024));
    if (path === "/stall") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("partial");
      stalled.push(res); // never ends: the client's deadline must fire
      return;
    }
    if (path === "/loop") return void res.writeHead(302, { location: "/loop" }).end();
    if (path === "/to-ok") return void res.writeHead(301, { location: "/ok" }).end();
    if (path === "/to-file") return void res.writeHead(302, { location: "file:///etc/passwd" }).end();
    if (path === "/to-second") {
      return void res.writeHead(302, { location: `http://127.0.0.2:${second?.port ?? 9}/` }).end();
    }
    if (path === "/echo") {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => res.end(JSON.stringify({ method: req.method, body, encoding: req.headers["accept-encoding"] })));
      return;
    }
    res.writeHead(404).end();
  });
  if (!started) throw new Error("could not listen on 127.0.0.1");
  main = started;
  v6 = await startServer("::1", (_req, res) => res.end("v6"));
});

afterAll(async () => {
  for (const res of stalled) res.destroy();
  await Promise.all(
    [main, second, v6].map((s) => (s ? new Promise<void>((resolve) => s.server.close(() => resolve())) : undefined)),
  );
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function expectRefusal(promise: Promise<unknown>, code: SafeFetchErrorCode, message?: RegExp): Promise<SafeFetchError> {
  const error = await promise.then(
    () => {
      throw new Error("expected safeFetch to refuse");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SafeFetchError);
  const safe = error as SafeFetchError;
  expect(safe.code).toBe(code);
  if (message) expect(safe.message).toMatch(message);
  return safe;
}

describe("safeFetch refuses loopback unless allow-listed", () => {
  it("refuses http://127.0.0.1:PORT without opening a connection", async () => {
    const before = main.connections;
    await expectRefusal(
      safeFetch(`http://127.0.0.1:${main.port}/ok`),
      "blocked_address",
      /^Refused to connect to 127\.0\.0\.1: loopback addresses are not allowed\.$/,
    );
    expect(main.connections).toBe(before);
  });

  it("refuses the IPv4-mapped http://[::ffff:127.0.0.1]:PORT", async () => {
    await expectRefusal(safeFetch(`http://[::ffff:127.0.0.1]:${main.port}/ok`), "blocked_address", /loopback/);
  });

  it("refuses the decimal spelling http://2130706433:PORT", async () => {
    const before = main.connections;
    await expectRefusal(safeFetch(`http://2130706433:${main.port}/ok`), "blocked_address", /127\.0\.0\.1.*loopback/);
    expect(main.connections).toBe(before);
  });

  it("refuses http://localhost:PORT at lookup time, before connecting", async () => {
    const before = main.connections;
    await expectRefusal(safeFetch(`http://localhost:${main.port}/ok`), "blocked_address", /^Refused to connect to localhost \(.+\): loopback/);
    expect(main.connections).toBe(before);
  });

  it("refuses http://[::1]:PORT (IPv6 loopback)", async (context) => {
    if (!v6) return context.skip("IPv6 loopback is not available here");
    await expectRefusal(safeFetch(`http://[::1]:${v6.port}/`), "blocked_address", /::1: loopback/);
    expect(v6.connections).toBe(0);
  });

  it("fetches from an allow-listed host:port", async () => {
    const response = await safeFetch(`http://127.0.0.1:${main.port}/ok`, { allowPrivateHosts: [`127.0.0.1:${main.port}`] });
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe("hello");
    expect(response.truncated).toBe(false);
  });

  it("does not let an allow-listed port open the other ports of the same host", async () => {
    await expectRefusal(
      safeFetch(`http://127.0.0.1:${main.port}/ok`, { allowPrivateHosts: [`127.0.0.1:${main.port + 1}`] }),
      "blocked_address",
    );
  });

  it("fetches from allow-listed [::1] when IPv6 loopback is available", async (context) => {
    if (!v6) return context.skip("IPv6 loopback is not available here");
    const response = await safeFetch(`http://[::1]:${v6.port}/`, { allowPrivateHosts: ["[::1]"] });
    expect(response.body.toString()).toBe("v6");
  });
});

describe("an allow-listed host is still never link-local or metadata", () => {
  it.each([
    ["http://169.254.169.254/latest/meta-data/", ["169.254.169.254"], /169\.254\.169\.254: link-local/],
    ["http://[::ffff:169.254.169.254]/", ["[::ffff:169.254.169.254]"], /link-local/],
    ["http://[fd00:ec2::254]/", ["[fd00:ec2::254]"], /cloud metadata/],
    ["http://0.0.0.0:8080/", ["0.0.0.0:8080"], /unspecified/],
  ])("refuses the allow-listed literal %s without calling http.request", async (url, allowPrivateHosts, message) => {
    const httpSpy = vi.spyOn(http, "request").mockImplementation(() => {
      throw new Error("http.request must not be called");
    });
    await expectRefusal(safeFetch(url, { allowPrivateHosts }), "blocked_address", message);
    expect(httpSpy).not.toHaveBeenCalled();
  });

  // The resolver is replaced, so the name's answer is made up here and nothing is ever connected to:
  // a failed lookup ends the socket before it connects.
  function fakeResolver(answers: Record<string, string>) {
    const real = dns.lookup;
    vi.spyOn(dns, "lookup").mockImplementation(((hostname: string, options: dns.LookupAllOptions, callback: (error: Error | null, addresses: dns.LookupAddress[]) => void) => {
      const address = answers[hostname];
      if (address === undefined) return (real as unknown as (...args: unknown[]) => void)(hostname, options, callback);
      callback(null, [{ address, family: address.includes(":") ? 6 : 4 }]);
    }) as unknown as typeof dns.lookup);
  }

  it("refuses an allow-listed name that resolves to a link-local address, at connect time", async () => {
    fakeResolver({ "wiki.internal": "169.254.169.254" });
    await expectRefusal(
      safeFetch("http://wiki.internal/", { allowPrivateHosts: ["wiki.internal"] }),
      "blocked_address",
      /^Refused to connect to wiki\.internal \(169\.254\.169\.254\): link-local/,
    );
  });

  it("lets an allow-listed name that resolves to loopback through", async () => {
    fakeResolver({ "wiki.internal": "127.0.0.1" });
    const response = await safeFetch(`http://wiki.internal:${main.port}/ok`, { allowPrivateHosts: [`wiki.internal:${main.port}`] });
    expect(response.body.toString()).toBe("hello");
  });
});

describe("safeFetch redirects", () => {
  const allow = () => [`127.0.0.1:${main.port}`];

  it("refuses a redirect from an allow-listed host to a loopback host that is not listed", async () => {
    const before = second?.requests ?? 0;
    await expectRefusal(
      safeFetch(`http://127.0.0.1:${main.port}/to-second`, { allowPrivateHosts: allow() }),
      "blocked_address",
      /127\.0\.0\.2: loopback/,
    );
    expect(second?.requests ?? 0).toBe(before);
  });

  it("follows same-origin redirects and reports the final URL", async () => {
    const response = await safeFetch(`http://127.0.0.1:${main.port}/to-ok`, { allowPrivateHosts: allow() });
    expect(response.body.toString()).toBe("hello");
    expect(response.url).toBe(`http://127.0.0.1:${main.port}/ok`);
  });

  it("drops the caller's headers on a cross-origin redirect", async (context) => {
    if (!second) return context.skip("127.0.0.2 is not bindable here");
    const response = await safeFetch(`http://127.0.0.1:${main.port}/to-second`, {
      headers: { authorization: "Bearer secret", "x-custom": "1" },
      allowPrivateHosts: [...allow(), `127.0.0.2:${second.port}`],
    });
    expect(JSON.parse(response.body.toString())).toEqual({ authorization: null, custom: null });
  });

  it("refuses a redirect to a file: URL", async () => {
    await expectRefusal(safeFetch(`http://127.0.0.1:${main.port}/to-file`, { allowPrivateHosts: allow() }), "bad_scheme");
  });

  it("stops after maxRedirects", async () => {
    await expectRefusal(
      safeFetch(`http://127.0.0.1:${main.port}/loop`, { allowPrivateHosts: allow(), maxRedirects: 3 }),
      "too_many_redirects",
      /after 3 redirects/,
    );
  });
});

describe("safeFetch limits", () => {
  const allow = () => [`127.0.0.1:${main.port}`];

  it("truncates the body at maxBytes", async () => {
    const response = await safeFetch(`http://127.0.0.1:${main.port}/big`, { allowPrivateHosts: allow(), maxBytes: 1000 });
    expect(response.body.length).toBe(1000);
    expect(response.truncated).toBe(true);
  });

  it("throws too_large instead when asked to", async () => {
    await expectRefusal(
      safeFetch(`http://127.0.0.1:${main.port}/big`, { allowPrivateHosts: allow(), maxBytes: 1000, ifTooLarge: "error" }),
      "too_large",
      /larger than the 1000 B|larger than the 1 KB/,
    );
  });

  it("times out on a stalled response", async () => {
    const started = Date.now();
    await expectRefusal(
      safeFetch(`http://127.0.0.1:${main.port}/stall`, { allowPrivateHosts: allow(), timeoutMs: 300 }),
      "timeout",
      /timed out after 0\.3 seconds/,
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("sends the method and body, and asks for an uncompressed response", async () => {
    const response = await safeFetch(`http://127.0.0.1:${main.port}/echo`, {
      method: "post",
      body: "payload",
      headers: { "accept-encoding": "gzip" },
      allowPrivateHosts: allow(),
    });
    expect(JSON.parse(response.body.toString())).toEqual({ method: "POST", body: "payload", encoding: "identity" });
  });
});

describe("safeFetch refuses before any socket exists", () => {
  it.each(["file:///etc/passwd", "ftp://example.com/", "data:text/plain,hi", "gopher://example.com/"])(
    "refuses the scheme of %s",
    async (url) => {
      await expectRefusal(safeFetch(url), "bad_scheme", /only http:\/\/ and https:\/\/ URLs are allowed/);
    },
  );

  it("refuses a malformed URL", async () => {
    await expectRefusal(safeFetch("not a url"), "bad_url");
  });

  it.each([
    ["http://10.0.0.1/", /10\.0\.0\.1: private network/],
    ["http://169.254.169.254/latest/meta-data/", /169\.254\.169\.254: link-local/],
    ["https://192.168.1.1/", /private network/],
    ["http://[fd00::1]/", /fd00::1: private network/],
    ["http://0x0a000001/", /10\.0\.0\.1/],
  ])("refuses the IP literal %s without calling http(s).request", async (url, message) => {
    // The spies throw instead of connecting, so even a broken check could not reach the address.
    const httpSpy = vi.spyOn(http, "request").mockImplementation(() => {
      throw new Error("http.request must not be called");
    });
    const httpsSpy = vi.spyOn(https, "request").mockImplementation(() => {
      throw new Error("https.request must not be called");
    });
    await expectRefusal(safeFetch(url), "blocked_address", message);
    expect(httpSpy).not.toHaveBeenCalled();
    expect(httpsSpy).not.toHaveBeenCalled();
  });
});
