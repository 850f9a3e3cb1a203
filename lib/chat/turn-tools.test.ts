import { randomUUID } from "node:crypto";
import { InvalidToolInputError, NoSuchToolError } from "ai";
import { describe, expect, it, vi } from "vitest";
import { isToolCallError, toolErrorText, toolsForTurn, ToolRunError } from "@/lib/chat/turn-tools";

vi.mock("@/lib/db/settings", () => ({ getSetting: vi.fn(async () => ["127.0.0.1:9"]) }));

const petStore = (operationId = "listPets") =>
  JSON.stringify({
    openapi: "3.0.3",
    info: { title: "Pets", version: "1" },
    servers: [{ url: "http://127.0.0.1:9" }],
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
    const tools = await toolsForTurn({ tools: ["calculator", "retired_tool"], actions: [{ id: randomUUID(), spec: petStore(), auth: { type: "none" }, secret: null }] });
    expect(Object.keys(tools).sort()).toEqual(["calculator", "createPet", "listPets"]);
    expect(tools.listPets?.needsApproval).toBe(false);
    expect(tools.createPet?.needsApproval).toBe(true);
  });

  it("keeps the first tool of a name when an action reuses it", async () => {
    const tools = await toolsForTurn({ tools: ["calculator"], actions: [{ id: randomUUID(), spec: petStore("calculator"), auth: { type: "none" }, secret: null }] });
    expect(tools.calculator?.description).toMatch(/arithmetic/i);
  });

  it("skips an action whose document no longer parses instead of failing the turn", async () => {
    const tools = await toolsForTurn({ tools: [], actions: [{ id: randomUUID(), spec: "not: [valid", auth: { type: "none" }, secret: null }] });
    expect(tools).toEqual({});
  });

  it("turns a tool's failure into a ToolRunError sentence", async () => {
    const { calculator } = await toolsForTurn({ tools: ["calculator"], actions: [] });
    const run = (calculator?.execute as (input: unknown, options: typeof callOptions) => Promise<unknown>)({ expression: "process.exit()" }, callOptions);
    await expect(run).rejects.toBeInstanceOf(ToolRunError);
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
