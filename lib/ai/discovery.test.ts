// Model discovery against the fake OpenAI-compatible server: the list, and the context windows a
// vLLM-style server reports (max_model_len), which long conversations are fitted to.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { startFakeLlm, type FakeLlm } from "@/e2e/fake-llm/server";
import { discoverModels, reportedContextWindows } from "@/lib/ai/discovery";
import type { EndpointConfig } from "@/lib/ai/providers";

process.env.SECRETS_KEY ??= randomBytes(32).toString("base64");
process.env.AUTH_SECRET ??= "x".repeat(40);

const servers: FakeLlm[] = [];

function endpointFor(server: FakeLlm): EndpointConfig {
  return {
    id: "00000000-0000-4000-8000-000000000001",
    name: "Discovery target",
    kind: "openai_compatible",
    baseUrl: server.url,
    useChatCompletions: false,
    apiKeyCiphertext: null,
    headersCiphertext: null,
    timeoutMs: 5000,
    idleTimeoutMs: 60_000,
    updatedAt: new Date(),
  };
}

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

describe("discoverModels", () => {
  it("reads the context window a vLLM-style server reports for each model", async () => {
    const server = await startFakeLlm({ models: ["big", "small", "plain"], contextWindows: { big: 131_072, small: 4_096 } });
    servers.push(server);
    const result = await discoverModels(endpointFor(server));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.models).toEqual(["big", "plain", "small"]);
    expect(result.contextWindows).toEqual({ big: 131_072, small: 4_096 });
  });

  it("reports none when the server says nothing about context windows", async () => {
    const server = await startFakeLlm({ models: ["only"] });
    servers.push(server);
    const result = await discoverModels(endpointFor(server));
    expect(result.ok && result.contextWindows).toEqual({});
  });
});

describe("reportedContextWindows", () => {
  it("keeps only positive reported windows", () => {
    expect(reportedContextWindows([{ id: "a", max_model_len: 8_192 }, { id: "b" }])).toEqual({ a: 8_192 });
  });
});
