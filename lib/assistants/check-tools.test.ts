// The save-time checks on tools and actions, with the real OpenAPI parser (no network, no database).
import { describe, expect, it } from "vitest";
import { describeActionDocument } from "@/lib/assistants/describe-action";
import { checkAssistantTools } from "@/lib/assistants/check-tools";
import { AppError } from "@/lib/errors";
import type { AssistantAction, AssistantActionInput } from "@/lib/schemas/assistants";

const A = "6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f";
const B = "7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

function document(server: string, operations: Record<string, Record<string, unknown>>) {
  return JSON.stringify({ openapi: "3.0.3", info: { title: "Pets", version: "1" }, servers: [{ url: server }], paths: { "/pets": { ...operations } } });
}
const pets = (server = "https://pets.example.com") =>
  document(server, { get: { operationId: "listPets", responses: { 200: { description: "OK" } } }, post: { responses: { 200: { description: "OK" } } } });

const action = (spec: string, extra: Partial<AssistantActionInput> = {}): AssistantActionInput => ({ id: A, spec, auth: { type: "bearer" }, clearSecret: false, allowApiWithoutApproval: false, ...extra });

async function refusal(promise: Promise<void>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  expect(error.code).toBe("validation");
  return error;
}

describe("describeActionDocument", () => {
  it("lists the operations that become tools and explains the ones left out", async () => {
    expect(await describeActionDocument(pets())).toEqual({
      ok: true,
      title: "Pets",
      operations: [{ name: "listPets", method: "GET", path: "/pets", description: "GET /pets", needsApproval: false }],
      rejected: [{ operation: "POST /pets", reason: "It has no operationId; add one to expose it as an action." }],
    });
    expect(await describeActionDocument("openapi: [")).toMatchObject({ ok: false, operations: [], rejected: [], error: expect.stringMatching(/neither valid JSON nor valid YAML/) });
  });
});

describe("checkAssistantTools", () => {
  it("accepts known tools and usable documents", async () => {
    await expect(checkAssistantTools({ tools: ["calculator"], actions: [action(pets())] }, [])).resolves.toBeUndefined();
  });

  it("refuses an unknown built-in tool", async () => {
    const error = await refusal(checkAssistantTools({ tools: ["web_search"], actions: [] }, []));
    expect(error.fields).toEqual({ tools: 'There is no built-in tool called "web_search".' });
  });

  it("names the action whose document does not parse, on its field", async () => {
    const error = await refusal(checkAssistantTools({ tools: [], actions: [action(pets()), action("swagger: '2.0'", { id: B })] }, []));
    expect(error.message).toMatch(/^Action 2: Only OpenAPI 3.0 and 3.1 documents are supported/);
    expect(Object.keys(error.fields ?? {})).toEqual(["actions.1.spec"]);
  });

  it("refuses a document with no usable operation, saying why", async () => {
    const spec = document("https://pets.example.com", { post: { responses: { 200: { description: "OK" } } } });
    const error = await refusal(checkAssistantTools({ tools: [], actions: [action(spec)] }, []));
    expect(error.message).toBe("Action 1 (“Pets”) has no operation that can be used as a tool: POST /pets: It has no operationId; add one to expose it as an action.");
  });

  it("refuses a tool name used twice, across actions or with an enabled built-in tool", async () => {
    const twice = await refusal(checkAssistantTools({ tools: [], actions: [action(pets()), action(pets("https://other.example.com"), { id: B })] }, []));
    expect(twice.fields?.["actions.1.spec"]).toMatch(/"listPets" .* is already used by action 1/);
    const calc = document("https://calc.example.com", { get: { operationId: "calculator", responses: { 200: { description: "OK" } } } });
    const builtin = await refusal(checkAssistantTools({ tools: ["calculator"], actions: [action(calc)] }, []));
    expect(builtin.fields?.["actions.0.spec"]).toMatch(/already used by the built-in tool Calculator/);
  });

  it("keeps a stored key only while the document talks to the servers it was entered for", async () => {
    const stored: AssistantAction[] = [{ id: A, spec: pets(), auth: { type: "bearer" }, secret: "v1.sealed", allowApiWithoutApproval: false }];
    // Same origin, different path or text: fine.
    const moved = pets("https://pets.example.com/v2");
    await expect(checkAssistantTools({ tools: [], actions: [action(moved)] }, stored)).resolves.toBeUndefined();
    // Another origin with the old key: refused on the key field.
    const elsewhere = await refusal(checkAssistantTools({ tools: [], actions: [action(pets("https://collector.example.net"))] }, stored));
    expect(elsewhere.fields).toEqual({
      "actions.0.secret": "Action 1 now sends requests to https://collector.example.net, which its stored key was not entered for. Enter the key again, or remove it.",
    });
    // A new key, or removing it, is fine.
    await expect(checkAssistantTools({ tools: [], actions: [action(pets("https://collector.example.net"), { secret: "new" })] }, stored)).resolves.toBeUndefined();
    await expect(checkAssistantTools({ tools: [], actions: [action(pets("https://collector.example.net"), { clearSecret: true })] }, stored)).resolves.toBeUndefined();
  });
});
