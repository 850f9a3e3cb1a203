import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { InvalidToolInputError, NoSuchToolError, type ToolSet } from "ai";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isToolCallError, toolErrorText, toolsForTurn, ToolRunError } from "@/lib/chat/turn-tools";
import { renderMetrics } from "@/lib/metrics/registry";
import { sample } from "@/lib/testing/prometheus-text";

// The admin's allow-list of private hosts, as the settings table would return it.
const settings = vi.hoisted(() => ({ privateHosts: ["127.0.0.1:9"] }));
vi.mock("@/lib/db/settings", () => ({ getSetting: vi.fn(async () => settings.privateHosts) }));

const petStore = (operationId = "listPets", serverUrl = "http://127.0.0.1:9") =>
  JSON.stringify({
    openapi: "3.0.3",
    info: { title: "Pets", version: "1" },
    servers: [{ url: serverUrl }],
    paths: {
      "/pets": { get: { operationId, responses: { 200: { description: "ok" } } }, post: { operationId: "createPet", responses: { 201: { description: "ok" } } } },
    },
  });

const callOptions = { toolCallId: "c1", messages: [], context: {} };

describe("toolsForTurn", () => {
  it("gives a plain chat, or an assistant without tools, no tools", async () => {
    expect(await toolsForTurn(null)).toEqual({});
    expect(await toolsForTurn({ tools: [], actions: [] })).toEqual({});
  });

  it("builds the enabled built-in tools and one tool per action operation, asking before anything but GET", async () => {
    const tools = await toolsForTurn({ tools: ["calculator", "retired_tool"], actions: [{ id: randomUUID(), spec: petStore(), auth: { type: "none" }, secret: null, allowApiWithoutApproval: false }] });
    expect(Object.keys(tools).sort()).toEqual(["calculator", "createPet", "listPets"]);
    expect(tools.listPets?.needsApproval).toBe(false);
    expect(tools.createPet?.needsApproval).toBe(true);
  });

  it("through the API, refuses operations that need approval unless their action allows it", async () => {
    const action = { id: randomUUID(), spec: petStore(), auth: { type: "none" as const }, secret: null, allowApiWithoutApproval: false };
    const refused = await toolsForTurn({ tools: [], actions: [action] }, { api: true });
    expect(refused.createPet?.needsApproval).toBe(false);
    await expect(refused.createPet?.execute?.({}, callOptions)).rejects.toThrow(/needs a person's approval.*not allowed it through the API/);
    expect(refused.listPets?.execute).toBeTypeOf("function");

    const allowed = await toolsForTurn({ tools: [], actions: [{ ...action, allowApiWithoutApproval: true }] }, { api: true });
    expect(allowed.createPet?.needsApproval).toBe(false);
    // The real operation runs (and fails here, as nothing listens on port 9), not the refusal.
    await expect(allowed.createPet?.execute?.({}, callOptions)).rejects.not.toThrow(/approval/);
  });

  it("keeps the first tool of a name when an action reuses it", async () => {
    const tools = await toolsForTurn({ tools: ["calculator"], actions: [{ id: randomUUID(), spec: petStore("calculator"), auth: { type: "none" }, secret: null, allowApiWithoutApproval: false }] });
    expect(tools.calculator?.description).toMatch(/arithmetic/i);
  });

  it("skips an action whose document no longer parses instead of failing the turn", async () => {
    const tools = await toolsForTurn({ tools: [], actions: [{ id: randomUUID(), spec: "not: [valid", auth: { type: "none" }, secret: null, allowApiWithoutApproval: false }] });
    expect(tools).toEqual({});
  });

  it("turns a tool's failure into a ToolRunError sentence", async () => {
    const { calculator } = await toolsForTurn({ tools: ["calculator"], actions: [] });
    const run = (calculator?.execute as (input: unknown, options: typeof callOptions) => Promise<unknown>)({ expression: "process.exit()" }, callOptions);
    await expect(run).rejects.toBeInstanceOf(ToolRunError);
  });

  it("counts every call of a tool and its failures in the process metrics", async () => {
    const read = async () => {
      const { body } = await renderMetrics();
      return { calls: sample(body, 'switchboard_tool_calls_total{tool="calculator"}') ?? 0, errors: sample(body, 'switchboard_tool_errors_total{tool="calculator"}') ?? 0 };
    };
    const before = await read();
    const { calculator } = await toolsForTurn({ tools: ["calculator"], actions: [] });
    const execute = calculator?.execute as (input: unknown, options: typeof callOptions) => Promise<unknown>;
    await execute({ expression: "1 + 2" }, callOptions);
    await expect(execute({ expression: "process.exit()" }, callOptions)).rejects.toBeInstanceOf(ToolRunError);
    expect(await read()).toEqual({ calls: before.calls + 2, errors: before.errors + 1 });
  });
});

type LocalServer = { url: string; port: number; requests: string[]; close: () => Promise<void> };

/** A loopback HTTP server that logs each request path; GET /pets redirects to `redirectTo` when set. */
async function startLocalServer(redirectTo: () => string | null = () => null): Promise<LocalServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? "/");
    const target = redirectTo();
    if (target && req.url?.startsWith("/pets")) {
      res.writeHead(302, { location: target });
      return res.end();
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify([{ id: 1, name: "internal secret" }]));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, port, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function run(tools: ToolSet, name: string, input: unknown): Promise<unknown> {
  const execute = tools[name]?.execute as ((input: unknown, options: typeof callOptions) => Promise<unknown>) | undefined;
  if (!execute) throw new Error(`no tool ${name}`);
  return execute(input, callOptions);
}

// Every server here listens on 127.0.0.1 and is on the admin's allow-list.
describe("the admin's allow-list of private hosts", () => {
  let internal: LocalServer;
  let actionApi: LocalServer;
  let redirectTarget: string | null = null;

  beforeAll(async () => {
    internal = await startLocalServer();
    actionApi = await startLocalServer(() => redirectTarget);
    settings.privateHosts = [`127.0.0.1:${internal.port}`, `127.0.0.1:${actionApi.port}`];
  });

  afterAll(async () => {
    settings.privateHosts = ["127.0.0.1:9"];
    await Promise.all([internal.close(), actionApi.close()]);
  });

  it("is never given to fetch_page: an allow-listed internal host is refused and never sees a request", async () => {
    const tools = await toolsForTurn({ tools: ["fetch_page"], actions: [] });
    await expect(run(tools, "fetch_page", { url: `${internal.url}/` })).rejects.toThrow("Refused to connect to 127.0.0.1: loopback addresses are not allowed.");
    // Also when the assistant has actions, which is when the allow-list is loaded at all.
    const withAction = await toolsForTurn({ tools: ["fetch_page"], actions: [{ id: randomUUID(), spec: petStore("listPets", actionApi.url), auth: { type: "none" }, secret: null, allowApiWithoutApproval: false }] });
    await expect(run(withAction, "fetch_page", { url: `${internal.url}/` })).rejects.toThrow(/loopback addresses are not allowed/);
    await expect(run(withAction, "fetch_page", { url: `${actionApi.url}/pets` })).rejects.toThrow(/loopback addresses are not allowed/);
    expect(internal.requests).toEqual([]);
    expect(actionApi.requests).toEqual([]);
  });

  it("lets an action reach the allow-listed server its document names, and no other allow-listed host", async () => {
    const tools = await toolsForTurn({ tools: [], actions: [{ id: randomUUID(), spec: petStore("listPets", actionApi.url), auth: { type: "none" }, secret: null, allowApiWithoutApproval: false }] });
    expect(JSON.stringify(await run(tools, "listPets", {}))).toContain("internal secret");
    expect(actionApi.requests).toEqual(["/pets"]);

    // The action's own API redirects to another allow-listed host: refused at that hop.
    redirectTarget = `${internal.url}/pets`;
    try {
      await expect(run(tools, "listPets", {})).rejects.toThrow(/Refused to connect to 127.0.0.1: loopback addresses are not allowed/);
    } finally {
      redirectTarget = null;
    }
    expect(actionApi.requests).toEqual(["/pets", "/pets"]);
    expect(internal.requests).toEqual([]);
  });

  it("refuses an action whose document names a private host that is not on the allow-list", async () => {
    settings.privateHosts = [`127.0.0.1:${internal.port}`];
    try {
      const tools = await toolsForTurn({ tools: [], actions: [{ id: randomUUID(), spec: petStore("listPets", actionApi.url), auth: { type: "none" }, secret: null, allowApiWithoutApproval: false }] });
      await expect(run(tools, "listPets", {})).rejects.toThrow(/loopback addresses are not allowed/);
    } finally {
      settings.privateHosts = [`127.0.0.1:${internal.port}`, `127.0.0.1:${actionApi.port}`];
    }
    expect(actionApi.requests).toEqual(["/pets", "/pets"]);
  });
});

describe("tool errors", () => {
  it("tells tool-call errors from model errors, in words", () => {
    expect(isToolCallError(new ToolRunError("Refused"))).toBe(true);
    expect(isToolCallError(new Error("500 from the model"))).toBe(false);
    const noSuch = new NoSuchToolError({ toolName: "ghost", availableTools: ["calculator"] });
    expect(isToolCallError(noSuch)).toBe(true);
    expect(toolErrorText(noSuch)).toBe('The model asked for a tool named "ghost", which this assistant does not have.');
    const badInput = new InvalidToolInputError({ toolName: "calculator", toolInput: "{}", cause: new Error("expression is required") });
    expect(toolErrorText(badInput)).toMatch(/^The model sent input the tool does not accept/);
  });
});
