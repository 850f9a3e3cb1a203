import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
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
