// Requests are checked as data (buildActionRequest) or through a fake fetch; nothing here opens a
// socket.
import { describe, expect, it } from "vitest";
import {
  actionNeedsApproval,
  ActionInputError,
  buildActionRequest,
  buildActionTool,
  readActionResponse,
  type ActionAuth,
  type ActionInput,
  type ActionOutput,
} from "@/lib/ai/actions/action-tool";
import type { ActionOperation } from "@/lib/ai/actions/openapi";
import type { SafeFetchOptions, SafeFetchResponse } from "@/lib/net/safe-fetch";

const none: ActionAuth = { type: "none" };

const updatePet: ActionOperation = {
  name: "updatePet",
  operationId: "updatePet",
  description: "Update a pet",
  method: "PUT",
  path: "/owners/{ownerId}/pets/{petId}",
  serverUrl: "https://api.example.com/v1",
  parameters: [
    { name: "ownerId", in: "path", required: true },
    { name: "petId", in: "path", required: true },
    { name: "notify", in: "query", required: false },
    { name: "tags", in: "query", required: false },
    { name: "X-Trace", in: "header", required: false },
  ],
  body: { required: true },
  inputSchema: { type: "object" },
};

const listPets: ActionOperation = {
  ...updatePet,
  name: "listPets",
  operationId: "listPets",
  method: "GET",
  path: "/pets",
  parameters: [{ name: "limit", in: "query", required: true }],
  body: null,
};

describe("buildActionRequest", () => {
  it("substitutes and encodes path parameters, and adds query, headers and the JSON body", () => {
    const request = buildActionRequest(
      updatePet,
      {
        path: { ownerId: "a/b c", petId: 42 },
        query: { notify: true, tags: ["x", "y z"] },
        headers: { "X-Trace": "t-1" },
        body: { name: "Rex" },
      },
      none,
      null,
    );
    expect(request).toEqual({
      method: "PUT",
      url: "https://api.example.com/v1/owners/a%2Fb%20c/pets/42?notify=true&tags=x&tags=y+z",
      headers: { accept: "application/json", "x-trace": "t-1", "content-type": "application/json" },
      body: '{"name":"Rex"}',
    });
  });

  it.each<[ActionAuth, string, Record<string, string>]>([
    [{ type: "bearer" }, "https://api.example.com/v1/pets?limit=5", { accept: "application/json", authorization: "Bearer s3cret" }],
    [{ type: "api_key", in: "header", name: "X-API-Key" }, "https://api.example.com/v1/pets?limit=5", { accept: "application/json", "x-api-key": "s3cret" }],
    [{ type: "api_key", in: "query", name: "api_key" }, "https://api.example.com/v1/pets?limit=5&api_key=s3cret", { accept: "application/json" }],
  ])("places the secret for %j", (auth, url, headers) => {
    expect(buildActionRequest(listPets, { query: { limit: 5 } }, auth, "s3cret")).toEqual({ method: "GET", url, headers });
  });

  it("does not let the model's input override the secret", () => {
    const withHeader: ActionOperation = { ...listPets, parameters: [...listPets.parameters, { name: "X-API-Key", in: "header", required: false }] };
    const request = buildActionRequest(withHeader, { query: { limit: 1 }, headers: { "X-API-Key": "from-model" } }, { type: "api_key", in: "header", name: "x-api-key" }, "real");
    expect(request.headers["x-api-key"]).toBe("real");
    const withQuery: ActionOperation = { ...listPets, parameters: [{ name: "key", in: "query", required: false }] };
    const url = new URL(buildActionRequest(withQuery, { query: { key: "from-model" } }, { type: "api_key", in: "query", name: "key" }, "real").url);
    expect(url.searchParams.getAll("key")).toEqual(["real"]);
  });

  it.each([
    [{ query: { limit: 1, extra: 2 } }, /"extra" is not a query parameter/],
    [{}, /query parameter "limit" is required/],
    [{ query: { limit: 1 }, headers: { Authorization: "x" } }, /"Authorization" is not a header parameter/],
    [{ query: { limit: 1 }, body: {} }, /does not take a request body/],
    [{ query: { limit: 1 }, cookies: {} }, /must be an object with optional path, query, headers and body/],
    [{ query: { limit: { nested: true } } }, /must be an object/],
    ["not an object", /must be an object/],
  ])("refuses bad input %j", (input, message) => {
    expect(() => buildActionRequest(listPets, input, none, null)).toThrow(ActionInputError);
    expect(() => buildActionRequest(listPets, input, none, null)).toThrow(message);
  });

  it("refuses path values that would walk to another endpoint, and a missing body", () => {
    expect(() => buildActionRequest(updatePet, { path: { ownerId: "..", petId: 1 }, body: {} }, none, null)).toThrow(/cannot be ".."/);
    expect(() => buildActionRequest(updatePet, { path: { ownerId: "1", petId: 1 } }, none, null)).toThrow(/requires a request body/);
    expect(() => buildActionRequest(updatePet, { path: { ownerId: "1" }, body: {} }, none, null)).toThrow(/"petId" is required/);
  });

  it("refuses to call without the secret its auth needs", () => {
    expect(() => buildActionRequest(listPets, { query: { limit: 1 } }, { type: "bearer" }, null)).toThrow(/none is configured/);
    expect(() => buildActionRequest(listPets, { query: { limit: 1 } }, { type: "bearer" }, "")).toThrow(/none is configured/);
  });
});

describe("readActionResponse", () => {
  const response = (body: string | Buffer, type?: string) => {
    const headers: Record<string, string> = {};
    if (type) headers["content-type"] = type;
    return { headers, body: Buffer.from(body) };
  };

  it("parses JSON, keeps text, and summarises binary", () => {
    expect(readActionResponse(response('{"a":1}', "application/json; charset=utf-8"))).toEqual({ a: 1 });
    expect(readActionResponse(response('{"a":1}', "application/problem+json"))).toEqual({ a: 1 });
    expect(readActionResponse(response("{broken", "application/json"))).toBe("{broken");
    expect(readActionResponse(response("hello", "text/plain"))).toBe("hello");
    expect(readActionResponse(response("[1]"))).toEqual([1]);
    expect(readActionResponse(response(Buffer.from([1, 2, 3]), "image/png"))).toBe("[3 bytes of image/png omitted: binary content]");
  });
});

describe("buildActionTool", () => {
  const callOptions = { toolCallId: "call-1", messages: [], context: {} };

  function fakeFetch(reply: Partial<SafeFetchResponse> = {}) {
    const calls: { url: string; options: SafeFetchOptions }[] = [];
    const fetch = async (url: string, options: SafeFetchOptions = {}): Promise<SafeFetchResponse> => {
      calls.push({ url, options });
      return { status: 200, headers: { "content-type": "application/json" }, url, body: Buffer.from('{"ok":true}'), truncated: false, ...reply };
    };
    return { fetch, calls };
  }

  async function run(tool: ReturnType<typeof buildActionTool>, input: ActionInput): Promise<ActionOutput> {
    const result = await tool.execute(input, callOptions);
    if (Symbol.asyncIterator in result) throw new Error("action tools do not stream");
    return result;
  }

  it("sends the built request through the fetch it was given, with the allowlist", async () => {
    const { fetch, calls } = fakeFetch();
    const tool = buildActionTool(listPets, { auth: { type: "bearer" }, secret: "tok", allowPrivateHosts: ["wiki.lan:8080"], fetch });
    const output = await run(tool, { query: { limit: 2 } });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe("https://api.example.com/v1/pets?limit=2");
    expect(calls[0]?.options).toMatchObject({
      method: "GET",
      headers: { accept: "application/json", authorization: "Bearer tok" },
      allowPrivateHosts: ["wiki.lan:8080"],
    });
    expect(output).toMatchObject({ type: "tool_data", status: 200, truncated: false, content: '{"status":200,"body":{"ok":true}}' });
  });

  it("keeps the secret out of the description and the input schema", () => {
    const tool = buildActionTool(listPets, { auth: { type: "api_key", in: "query", name: "key" }, secret: "TOPSECRET", allowPrivateHosts: [] });
    expect(JSON.stringify({ description: tool.description, schema: listPets.inputSchema })).not.toContain("TOPSECRET");
  });

  it("needs approval for anything but GET", () => {
    const get = buildActionTool(listPets, { auth: none, secret: null, allowPrivateHosts: [] });
    const put = buildActionTool(updatePet, { auth: none, secret: null, allowPrivateHosts: [] });
    expect(get.needsApproval).toBe(false);
    expect(put.needsApproval).toBe(true);
    expect(actionNeedsApproval({ ...listPets, method: "DELETE" })).toBe(true);
  });

  it("fails as a tool error with the input sentence, without fetching", async () => {
    const { fetch, calls } = fakeFetch();
    const tool = buildActionTool(listPets, { auth: none, secret: null, allowPrivateHosts: [], fetch });
    await expect(run(tool, {})).rejects.toThrow(/"limit" is required/);
    expect(calls).toHaveLength(0);
  });

  it("never returns the secret, even when the API echoes it back", async () => {
    const secret = "pk-echoed-9f8e7d6c";
    const { fetch } = fakeFetch({ body: Buffer.from(JSON.stringify({ error: `Invalid key ${secret}`, headers: { "x-api-key": secret } })) });
    const tool = buildActionTool(listPets, { auth: { type: "api_key", in: "header", name: "X-Api-Key" }, secret, allowPrivateHosts: [], fetch });
    const output = await run(tool, { query: { limit: 1 } });
    expect(JSON.stringify(output)).not.toContain(secret);
    expect(JSON.parse(output.content)).toEqual({ status: 200, body: { error: "Invalid key [redacted]", headers: { "x-api-key": "[redacted]" } } });
  });

  it("never returns a key the API echoes back form-encoded or with lowercase hex", async () => {
    const secret = "pk live!(2024)~Ab";
    const echoed = { received: "key=pk+live%21%282024%29%7EAb", again: "pk%20live%21%282024%29%7eAb", text: `Invalid key ${secret}` };
    const { fetch } = fakeFetch({ body: Buffer.from(JSON.stringify(echoed)) });
    const tool = buildActionTool(listPets, { auth: { type: "api_key", in: "query", name: "key" }, secret, allowPrivateHosts: [], fetch });
    const output = await run(tool, { query: { limit: 1 } });
    expect(JSON.parse(output.content)).toEqual({ status: 200, body: { received: "key=[redacted]", again: "[redacted]", text: "Invalid key [redacted]" } });
  });

  it("marks a cut-off response", async () => {
    const { fetch } = fakeFetch({ truncated: true, body: Buffer.from('{"partial":'), headers: { "content-type": "application/json" } });
    const tool = buildActionTool(listPets, { auth: none, secret: null, allowPrivateHosts: [], fetch });
    const output = await run(tool, { query: { limit: 1 } });
    expect(JSON.parse(output.content)).toEqual({ status: 200, body: '{"partial":', bodyTruncated: true });
  });
});
