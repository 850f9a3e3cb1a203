// The probe's verdicts against the fake OpenAI-compatible server: good streams (tool-call deltas
// split across chunks), missing usage, no tool support, 500 before the first byte, a wrong key.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeLlm, type FakeLlm } from "@/e2e/fake-llm/server";
import { probeEndpoint } from "@/lib/ai/probe";
import type { EndpointConfig } from "@/lib/ai/providers";
import { encryptSecret } from "@/lib/secrets";
import type { ProbeResult } from "@/lib/types/endpoints";

const key = randomBytes(32).toString("base64");
process.env.SECRETS_KEY = key;
process.env.AUTH_SECRET = "x".repeat(40);

const servers: FakeLlm[] = [];
let seq = 0;

async function fake(options: Parameters<typeof startFakeLlm>[0] = {}) {
  const server = await startFakeLlm({ models: ["probe-model"], ...options });
  servers.push(server);
  return server;
}

function endpointFor(server: FakeLlm, overrides: Partial<EndpointConfig> = {}): EndpointConfig {
  seq += 1;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, "0")}`,
    name: "Probe target",
    kind: "openai_compatible",
    baseUrl: server.url,
    useChatCompletions: false,
    apiKeyCiphertext: null,
    headersCiphertext: null,
    timeoutMs: 5000,
    idleTimeoutMs: 60_000,
    updatedAt: new Date(),
    ...overrides,
  };
}

const verdicts = (result: ProbeResult) => Object.fromEntries(result.checks.map((check) => [check.id, check.skipped ? "skipped" : check.ok]));

beforeAll(() => undefined);
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

describe("probeEndpoint", () => {
  it("passes every check on a healthy Chat Completions server (tool-call arguments split across chunks)", async () => {
    const server = await fake();
    const { result, discovered } = await probeEndpoint(endpointFor(server), null);
    expect(verdicts(result)).toEqual({ models: true, stream: true, tools: true, usage: true });
    expect(result.model).toBe("probe-model");
    expect(discovered).toEqual(["probe-model"]);
    const toolRequests = server.requests.filter((req) => JSON.stringify(req.body).includes("get_magic_number"));
    expect(toolRequests).toHaveLength(2);
    // The tool's result is random, and the model's answer had to repeat it.
    const magic = /\((\d{6})\)/.exec(result.checks.find((check) => check.id === "tools")?.message ?? "")?.[1];
    expect(magic).toBeDefined();
    expect(JSON.stringify(toolRequests[1]?.body)).toContain(magic);
  });

  it("fails the tool check when the model answers without the tool's result", async () => {
    const server = await fake({ ignoreToolResults: true });
    const { result } = await probeEndpoint(endpointFor(server), null);
    expect(verdicts(result)).toMatchObject({ stream: true, tools: false });
    expect(result.checks.find((check) => check.id === "tools")?.message).toMatch(/did not contain it/);
  });

  it("passes the tool check on a server that refuses content: null (the turn after the tool result is sent)", async () => {
    const server = await fake({ strictContent: true });
    const { result } = await probeEndpoint(endpointFor(server), null);
    expect(verdicts(result)).toMatchObject({ stream: true, tools: true });
    const toolRequests = server.requests.filter((req) => JSON.stringify(req.body).includes("get_magic_number"));
    expect(toolRequests).toHaveLength(2);
  });

  it("passes every check on hosted-OpenAI kind through the Responses API", async () => {
    const server = await fake();
    const { result } = await probeEndpoint(endpointFor(server, { kind: "openai", apiKeyCiphertext: encryptSecret("sk-abc-123456", key) }), "probe-model");
    expect(verdicts(result)).toEqual({ models: true, stream: true, tools: true, usage: true });
    expect(server.requests.some((req) => req.path === "/v1/responses")).toBe(true);
  });

  it("flags missing usage", async () => {
    const server = await fake({ noUsage: true });
    const { result } = await probeEndpoint(endpointFor(server), null);
    expect(verdicts(result)).toEqual({ models: true, stream: true, tools: true, usage: false });
    expect(result.checks.find((check) => check.id === "usage")?.message).toMatch(/did not report token usage/);
  });

  it("flags a server that ignores tools", async () => {
    const server = await fake({ ignoreTools: true });
    const { result } = await probeEndpoint(endpointFor(server), null);
    expect(verdicts(result)).toMatchObject({ stream: true, tools: false });
    expect(result.checks.find((check) => check.id === "tools")?.message).toMatch(/without calling the tool/);
  });

  it("reports a 500 before the first byte with the upstream's status and words", async () => {
    const server = await fake({ failCompletionsWith: 500 });
    const { result } = await probeEndpoint(endpointFor(server), null);
    expect(verdicts(result)).toEqual({ models: true, stream: false, tools: "skipped", usage: "skipped" });
    const stream = result.checks.find((check) => check.id === "stream");
    expect(stream?.status).toBe(500);
    expect(stream?.message).toContain(`500 from ${server.url}/chat/completions: The server had an error`);
  });

  it("reports a wrong key as a 401 that says what to do, without the key", async () => {
    const server = await fake({ apiKey: "sk-the-right-one-000" });
    const secret = "sk-wrong-one-1234567890";
    const { result } = await probeEndpoint(endpointFor(server, { apiKeyCiphertext: encryptSecret(secret, key) }), null);
    const models = result.checks.find((check) => check.id === "models");
    expect(models?.ok).toBe(false);
    expect(models?.status).toBe(401);
    expect(models?.message).toMatch(new RegExp(`^401 from ${server.url}/models: Incorrect API key provided`));
    expect(models?.message).toMatch(/Check the API key/);
    expect(JSON.stringify(result)).not.toContain(secret);
    expect(JSON.stringify(result)).not.toContain(secret.slice(-8));
  });

  it("says an unreachable endpoint is unreachable, quickly", async () => {
    const server = await fake();
    const endpoint = endpointFor(server);
    await server.close();
    const started = Date.now();
    const { result } = await probeEndpoint(endpoint, null);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.checks[0]?.message).toMatch(/unreachable .*connection refused/);
  });
});
