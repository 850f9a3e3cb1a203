// The browser's one fetch helper, against a real server on loopback.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { CLIENT_SENTENCES, fetchJson, sentenceOfErrorText, unwrap } from "@/lib/utils/fetch-json";

let server: Server;
let base = "";
const seen: Array<{ method?: string; type?: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ method: req.method, type: req.headers["content-type"] });
    if (req.url === "/ok") return res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ n: 1 }));
    if (req.url === "/refused") {
      return res.writeHead(422, { "Content-Type": "application/json" }).end(JSON.stringify({ error: { code: "invalid", message: "Give it a name.", fields: { name: "Required." } } }));
    }
    if (req.url === "/gone") return res.writeHead(204).end();
    if (req.url === "/slow") return void setTimeout(() => res.end("{}"), 2_000);
    res.writeHead(502, { "Content-Type": "text/html" }).end("<h1>Bad gateway</h1>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("fetchJson", () => {
  it("returns the data its schema accepts, and declares a body JSON", async () => {
    expect(await fetchJson(`${base}/ok`, z.object({ n: z.number() }), { method: "POST", body: "{}" })).toEqual({ ok: true, data: { n: 1 } });
    expect(seen.at(-1)).toEqual({ method: "POST", type: "application/json" });
    expect(await fetchJson(`${base}/gone`, z.unknown(), { method: "DELETE" })).toEqual({ ok: true, data: null });
  });

  it("gives every failure one shape with a sentence: the server's, one naming the status, offline, or unreadable", async () => {
    expect(await fetchJson(`${base}/refused`, z.unknown())).toEqual({ ok: false, status: 422, message: "Give it a name.", fields: { name: "Required." } });
    expect(await fetchJson(`${base}/other`, z.unknown())).toEqual({ ok: false, status: 502, message: CLIENT_SENTENCES.status(502) });
    expect(await fetchJson(`${base}/ok`, z.object({ n: z.string() }))).toEqual({ ok: false, status: 200, message: CLIENT_SENTENCES.unreadable });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await fetchJson(`http://127.0.0.1:${port}/`, z.unknown())).toEqual({ ok: false, status: 0, message: CLIENT_SENTENCES.offline });
  });

  it("rethrows an abort (the caller cancelled and shows nothing), and unwrap throws the sentence", async () => {
    const controller = new AbortController();
    const pending = fetchJson(`${base}/slow`, z.unknown(), { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    expect(() => unwrap({ ok: false, status: 409, message: "Wait for the answer." })).toThrow("Wait for the answer.");
    expect(unwrap({ ok: true, data: 3 })).toBe(3);
  });
});

describe("sentenceOfErrorText", () => {
  it("reads the sentence out of our error body, and nothing out of anything else", () => {
    expect(sentenceOfErrorText(JSON.stringify({ error: { code: "conflict", message: "Busy." } }))).toBe("Busy.");
    expect(sentenceOfErrorText("{not json")).toBeNull();
    expect(sentenceOfErrorText("plain words")).toBeNull();
  });
});
