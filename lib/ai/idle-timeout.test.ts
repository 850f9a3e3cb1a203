// The idle timeout between chunks: a model that goes silent mid-answer ends the call with what
// arrived and a sentence that says it stopped responding, long before the HTTP client's 300 s.
import { randomBytes } from "node:crypto";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { streamText } from "ai";
import { afterAll, describe, expect, it } from "vitest";
import { startFakeLlm, type FakeLlm } from "@/e2e/fake-llm/server";
import { describeModelError } from "@/lib/ai/errors";
import { StreamIdleError, withIdleTimeout } from "@/lib/ai/idle-timeout";
import { getLanguageModel, type EndpointConfig } from "@/lib/ai/providers";

process.env.SECRETS_KEY = randomBytes(32).toString("base64");
process.env.AUTH_SECRET = "x".repeat(40);

const fakes: FakeLlm[] = [];
const closers: Array<() => void> = [];
afterAll(async () => {
  for (const close of closers) close();
  await Promise.all(fakes.map((fake) => fake.close()));
});

/** A loopback server that writes `chunks` with `gapMs` between them, then stays silent (or ends). */
async function trickle(chunks: string[], gapMs: number, end: boolean): Promise<{ url: string; closed: Promise<void> }> {
  let signalClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => (signalClosed = resolve));
  const open: ServerResponse[] = [];
  const server = createServer((_req, res) => {
    open.push(res);
    res.once("close", () => signalClosed());
    res.writeHead(200, { "Content-Type": "text/plain" });
    void (async () => {
      for (const chunk of chunks) {
        res.write(chunk);
        await new Promise((resolve) => setTimeout(resolve, gapMs));
      }
      if (end) res.end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => {
    for (const res of open) res.destroy();
    server.close();
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, closed };
}

describe("withIdleTimeout", () => {
  it("errors a body that goes silent and closes the connection", async () => {
    const { url, closed } = await trickle(["first "], 10, false);
    const started = Date.now();
    const response = withIdleTimeout(await fetch(url), 300);
    const error: unknown = await response.text().catch((caught: unknown) => caught);
    expect(StreamIdleError.isInstance(error)).toBe(true);
    expect(Date.now() - started).toBeLessThan(3000);
    await closed;
  });

  it("lets a slow but steady body through", async () => {
    const { url } = await trickle(["a ", "b ", "c ", "d"], 100, true);
    const response = withIdleTimeout(await fetch(url), 400);
    expect(await response.text()).toBe("a b c d");
    expect(response.url).toBe(url);
  });
});

describe("a model that stops mid-answer", () => {
  it("ends the stream with the partial answer and says the model stopped responding", async () => {
    const fake = await startFakeLlm({ models: ["stall-model"] });
    fakes.push(fake);
    const endpoint: EndpointConfig = {
      id: "00000000-0000-4000-8000-0000000001d1",
      name: "Stalling",
      kind: "openai_compatible",
      baseUrl: fake.url,
      useChatCompletions: false,
      apiKeyCiphertext: null,
      headersCiphertext: null,
      timeoutMs: 5000,
      idleTimeoutMs: 500,
      updatedAt: new Date(),
    };
    const started = Date.now();
    const result = streamText({ model: getLanguageModel(endpoint, "stall-model"), prompt: "one two three four [[stall:3]]", maxRetries: 0, abortSignal: AbortSignal.timeout(8000), onError: () => {} });
    let text = "";
    let failure: unknown;
    try {
      for await (const part of result.fullStream) {
        if (part.type === "text-delta") text += part.text;
        else if (part.type === "error") failure ??= part.error;
      }
    } catch (error) {
      failure ??= error;
    }
    expect(Date.now() - started).toBeLessThan(5000);
    expect(text).toBe("Echo: one two ");
    const described = describeModelError(failure, endpoint);
    expect(described.kind).toBe("idle");
    expect(described.message).toMatch(/^The model stopped responding/);
  });
});
