import { randomBytes } from "node:crypto";
import { isStepCount, streamText, tool } from "ai";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { PRESET_IDS, PRESETS } from "@/lib/ai/presets";
import { getLanguageModel, type EndpointConfig } from "@/lib/ai/providers";
import { encryptSecret } from "@/lib/secrets";

const key = randomBytes(32).toString("base64");
process.env.SECRETS_KEY = key;
process.env.AUTH_SECRET = "x".repeat(40);

function endpoint(overrides: Partial<EndpointConfig>): EndpointConfig {
  return {
    id: "00000000-0000-4000-8000-000000000001",
    name: "Test",
    kind: "openai_compatible",
    baseUrl: "http://127.0.0.1:9/v1",
    useChatCompletions: false,
    apiKeyCiphertext: encryptSecret("sk-test-1234", key),
    headersCiphertext: null,
    timeoutMs: 5000,
    idleTimeoutMs: 60_000,
    updatedAt: new Date("2026-01-01T00:00:00Z"),
    ...overrides,
  };
}

type Inspectable = { provider: string; modelId: string };

function inspect(model: unknown): Inspectable {
  if (typeof model !== "object" || model === null || !("provider" in model) || !("modelId" in model)) throw new Error("not a model object");
  return { provider: String(model.provider), modelId: String(model.modelId) };
}

describe("getLanguageModel", () => {
  it("builds an OpenAI-compatible Chat Completions model for self-hosted servers", () => {
    const model = inspect(getLanguageModel(endpoint({ id: "00000000-0000-4000-8000-00000000000a" }), "llama3"));
    expect(model.modelId).toBe("llama3");
    expect(model.provider).toBe("endpoint-00000000-0000-4000-8000-00000000000a.chat");
  });

  it("uses the Responses API for hosted OpenAI, and Chat Completions when asked", () => {
    const responses = inspect(getLanguageModel(endpoint({ id: "00000000-0000-4000-8000-00000000000b", kind: "openai" }), "gpt-4.1-mini"));
    expect(responses.provider).toBe("endpoint-00000000-0000-4000-8000-00000000000b.responses");
    const chat = inspect(
      getLanguageModel(endpoint({ id: "00000000-0000-4000-8000-00000000000c", kind: "openai", useChatCompletions: true }), "gpt-4.1-mini"),
    );
    expect(chat.provider).toBe("endpoint-00000000-0000-4000-8000-00000000000c.chat");
  });

  it("rebuilds the provider when the endpoint's updatedAt changes (another replica's edit)", () => {
    const id = "00000000-0000-4000-8000-00000000000d";
    const before = getLanguageModel(endpoint({ id, kind: "openai" }), "m");
    const same = getLanguageModel(endpoint({ id, kind: "openai" }), "m");
    expect(inspect(same).provider).toBe(inspect(before).provider);
    const after = getLanguageModel(endpoint({ id, kind: "openai", useChatCompletions: true, updatedAt: new Date("2026-01-02T00:00:00Z") }), "m");
    expect(inspect(after).provider).toBe(`endpoint-${id}.chat`);
  });
});

describe("fetchWithTimeout (model calls)", () => {
  it("reads Retry-After in seconds, milliseconds and as a date", async () => {
    const { retryAfterMs } = await import("@/lib/ai/providers");
    expect(retryAfterMs(new Headers({ "retry-after": "2" }))).toBe(2000);
    expect(retryAfterMs(new Headers({ "retry-after-ms": "150" }))).toBe(150);
    expect(retryAfterMs(new Headers({ "retry-after": new Date(Date.UTC(2030, 0, 1, 0, 0, 10)).toUTCString() }), Date.UTC(2030, 0, 1))).toBe(10_000);
    expect(retryAfterMs(new Headers())).toBeNull();
  });

  it("retries a 429 or 5xx before the answer starts, honouring Retry-After, and gives up after the retries", async () => {
    const { startFakeLlm } = await import("@/e2e/fake-llm/server");
    const { fetchWithTimeout } = await import("@/lib/ai/providers");
    const fake = await startFakeLlm({ replyPrefix: "[R]" });
    try {
      const post = (text: string) =>
        fetchWithTimeout(5000, { retries: 2, initialDelayMs: 10, maxDelayMs: 1000 })(`${fake.url}/chat/completions`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ model: "m", messages: [{ role: "user", content: text }] }),
        });
      const once = await post("hello [[status:429-once]]");
      expect(once.status).toBe(200);
      expect(fake.requests).toHaveLength(2);

      fake.clearRequests();
      const twice = await post("again [[status:503x2]]");
      expect(twice.status).toBe(200);
      expect(fake.requests).toHaveLength(3);

      fake.clearRequests();
      const always = await post("broken [[status:500]]");
      expect(always.status).toBe(500);
      expect(fake.requests).toHaveLength(3);

      fake.clearRequests();
      const tooLong = await post("wait [[status:429 retry-after=30]]");
      expect(tooLong.status).toBe(429);
      expect(fake.requests).toHaveLength(1);

      fake.clearRequests();
      const unauthorised = await fetchWithTimeout(5000)(`${fake.url}/nothing-here`, { method: "POST", body: "{}" });
      expect(unauthorised.status).toBe(404);
      expect(fake.requests).toHaveLength(1);
    } finally {
      await fake.close();
    }
  });
});

describe("a tool call sent back in the history", () => {
  // A server that validates like NVIDIA NIM answers 400 to `content: null`; every preset must get
  // through a tool round trip with it (the second request carries the assistant's tool-call turn).
  it.each(PRESET_IDS)("preset %s gets through a tool round trip with a server that refuses content: null", async (presetId) => {
    const { startFakeLlm } = await import("@/e2e/fake-llm/server");
    const fake = await startFakeLlm({ strictContent: true, models: ["m"] });
    try {
      const preset = PRESETS[presetId];
      const id = `00000000-0000-4000-8000-0000000002${String(PRESET_IDS.indexOf(presetId)).padStart(2, "0")}`;
      const result = streamText({
        model: getLanguageModel(endpoint({ id, kind: preset.kind, baseUrl: fake.url, apiKeyCiphertext: null }), "m"),
        prompt: 'look it up [[tool:lookup {"q":"x"}]]',
        tools: { lookup: tool({ inputSchema: z.object({ q: z.string() }), execute: async () => ({ found: 424242 }) }) },
        stopWhen: isStepCount(2),
        maxRetries: 0,
        onError: () => {},
      });
      let text = "";
      let failure: unknown;
      for await (const part of result.fullStream) {
        if (part.type === "text-delta") text += part.text;
        else if (part.type === "error") failure ??= part.error;
      }
      expect(failure).toBeUndefined();
      expect(text).toContain("424242");
      const second = fake.requests.at(-1)?.body as { messages?: Array<{ role: string; content: unknown; tool_calls?: unknown }> } | undefined;
      if (preset.kind === "openai") {
        // Hosted OpenAI speaks the Responses API, where a tool call is an item, not a message.
        expect(fake.requests.at(-1)?.path).toBe("/v1/responses");
      } else {
        const toolTurn = second?.messages?.find((message) => message.role === "assistant" && message.tool_calls);
        expect(toolTurn?.content).toBe("");
      }
    } finally {
      await fake.close();
    }
  });
});
