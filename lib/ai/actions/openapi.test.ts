// Parsing only: nothing here resolves a name, opens a socket or reads a file.
import { describe, expect, it } from "vitest";
import { parseOpenApiDocument, sanitiseToolName, type ActionOperation, type ParsedOpenApi } from "@/lib/ai/actions/openapi";

const ok = { 200: { description: "OK" } };

function petStore(version = "3.0.3") {
  return {
    openapi: version,
    info: { title: "Pet store", version: "1.0.0" },
    servers: [{ url: "https://{region}.pets.example.com/v1/", variables: { region: { default: "eu" } } }],
    paths: {
      "/pets": {
        get: {
          operationId: "listPets",
          summary: "List pets",
          description: "Returns pets, newest first.",
          parameters: [
            { name: "limit", in: "query", description: "How many to return", schema: { type: "integer", maximum: 100 } },
            { name: "tags", in: "query", required: true, schema: { type: "array", items: { type: "string" } } },
            { name: "X-Request-Id", in: "header", schema: { type: "string" } },
            { name: "Accept", in: "header", schema: { type: "string" } },
          ],
          responses: ok,
        },
        post: {
          operationId: "createPet",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/NewPet" } } } },
          responses: ok,
        },
      },
      "/pets/{petId}": {
        parameters: [{ name: "petId", in: "path", required: true, description: "The pet's id", schema: { type: "string" } }],
        get: { operationId: "get pet/by id", responses: ok },
        delete: { operationId: "deletePet", responses: ok },
      },
    },
    components: {
      schemas: { NewPet: { type: "object", required: ["name"], properties: { name: { type: "string" }, age: { type: "integer" } } } },
    },
  };
}

async function parse(document: unknown): Promise<ParsedOpenApi> {
  return parseOpenApiDocument(JSON.stringify(document));
}

async function parseOk(document: unknown) {
  const result = await parse(document);
  if (!result.ok) throw new Error(`expected the document to parse: ${result.error}`);
  return result;
}

function byName(operations: ActionOperation[], name: string): ActionOperation {
  const found = operations.find((op) => op.name === name);
  if (!found) throw new Error(`no operation named ${name}`);
  return found;
}

describe("parseOpenApiDocument conversion", () => {
  it("turns each operation into an action with its method, path and server", async () => {
    const { operations, rejected } = await parseOk(petStore());
    expect(rejected).toEqual([]);
    expect(operations.map((op) => `${op.method} ${op.path} ${op.name}`)).toEqual([
      "GET /pets listPets",
      "POST /pets createPet",
      "GET /pets/{petId} get_pet_by_id",
      "DELETE /pets/{petId} deletePet",
    ]);
    expect(operations.every((op) => op.serverUrl === "https://eu.pets.example.com/v1")).toBe(true);
  });

  it("builds the input schema from query and header parameters, skipping Accept", async () => {
    const op = byName((await parseOk(petStore())).operations, "listPets");
    expect(op.description).toBe("List pets\n\nReturns pets, newest first.");
    expect(op.body).toBeNull();
    expect(op.parameters).toEqual([
      { name: "limit", in: "query", required: false },
      { name: "tags", in: "query", required: true },
      { name: "X-Request-Id", in: "header", required: false },
    ]);
    expect(op.inputSchema).toEqual({
      type: "object",
      properties: {
        query: {
          type: "object",
          properties: {
            limit: { type: "integer", maximum: 100, description: "How many to return" },
            tags: { type: "array", items: { type: "string" } },
          },
          required: ["tags"],
          additionalProperties: false,
        },
        headers: { type: "object", properties: { "X-Request-Id": { type: "string" } }, required: [], additionalProperties: false },
      },
      required: ["query"],
      additionalProperties: false,
    });
  });

  it("inherits path-level parameters and resolves local $refs in the JSON body", async () => {
    const { operations } = await parseOk(petStore());
    const get = byName(operations, "get_pet_by_id");
    expect(get.operationId).toBe("get pet/by id");
    expect(get.inputSchema.required).toEqual(["path"]);
    expect(get.inputSchema.properties?.path).toMatchObject({ properties: { petId: { type: "string", description: "The pet's id" } }, required: ["petId"] });
    expect(get.description).toBe("GET /pets/{petId}");

    const create = byName(operations, "createPet");
    expect(create.body).toEqual({ required: true });
    expect(create.inputSchema.required).toEqual(["body"]);
    expect(create.inputSchema.properties?.body).toEqual(petStore().components.schemas.NewPet);
  });

  it("reads OpenAPI 3.1", async () => {
    const { operations } = await parseOk(petStore("3.1.0"));
    expect(operations).toHaveLength(4);
  });

  it("reads YAML", async () => {
    const yaml = `
openapi: 3.0.0
info: { title: Weather, version: "1" }
servers:
  - url: https://weather.example.com
paths:
  /forecast/{city}:
    get:
      operationId: getForecast
      summary: Forecast for a city
      parameters:
        - { name: city, in: path, required: true, schema: { type: string } }
        - { name: days, in: query, schema: { type: integer, default: 3 } }
      responses: { "200": { description: OK } }
`;
    const result = await parseOpenApiDocument(yaml);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.operations[0]).toMatchObject({ name: "getForecast", method: "GET", path: "/forecast/{city}", serverUrl: "https://weather.example.com" });
  });

  it("truncates tool names to 64 characters", () => {
    expect(sanitiseToolName("a".repeat(80))).toHaveLength(64);
    expect(sanitiseToolName("list.pets v2")).toBe("list_pets_v2");
  });
});

describe("parseOpenApiDocument rejections", () => {
  function withPaths(paths: Record<string, unknown>, extra: Record<string, unknown> = {}) {
    return { openapi: "3.0.3", info: { title: "T", version: "1" }, servers: [{ url: "https://api.example.com" }], paths, ...extra };
  }

  it("rejects operations it cannot call, each with a reason", async () => {
    const { operations, rejected } = await parseOk(
      withPaths({
        "/a": { get: { responses: ok } },
        "/b": {
          post: {
            operationId: "upload",
            requestBody: { content: { "multipart/form-data": { schema: { type: "object" } } } },
            responses: ok,
          },
        },
        "/c": { get: { operationId: "withCookie", parameters: [{ name: "session", in: "cookie", schema: { type: "string" } }], responses: ok } },
        "/d": {
          get: {
            operationId: "withContent",
            parameters: [{ name: "filter", in: "query", content: { "application/json": { schema: { type: "object" } } } }],
            responses: ok,
          },
        },
        "/e": { get: { operationId: "fine", responses: ok } },
      }),
    );
    expect(operations.map((op) => op.name)).toEqual(["fine"]);
    expect(rejected).toEqual([
      { operation: "GET /a", reason: "It has no operationId; add one to expose it as an action." },
      { operation: "upload", reason: "Its request body is multipart/form-data; actions only send application/json bodies." },
      { operation: "withCookie", reason: 'It uses the cookie parameter "session"; actions do not send cookies.' },
      { operation: "withContent", reason: 'Parameter "filter" is described with `content` instead of `schema`, which actions do not support.' },
    ]);
  });

  it("rejects duplicate names, including ones that only collide after sanitising", async () => {
    const { operations, rejected } = await parseOk(
      withPaths({
        "/a": { get: { operationId: "getThing", responses: ok } },
        "/b": { get: { operationId: "getThing", responses: ok } },
        "/c": { get: { operationId: "get.item", responses: ok } },
        "/d": { get: { operationId: "get_item", responses: ok } },
      }),
    );
    expect(operations.map((op) => op.path)).toEqual(["/a", "/c"]);
    expect(rejected).toEqual([
      { operation: "getThing", reason: 'Its name "getThing" is already used by GET /a; operationIds must be unique.' },
      { operation: "get_item", reason: 'Its name "get_item" is already used by GET /c; operationIds must be unique.' },
    ]);
  });

  it("rejects schemas it would have to fetch (external $ref) without fetching them", async () => {
    const { rejected } = await parseOk(
      withPaths({
        "/x": {
          post: {
            operationId: "external",
            requestBody: { content: { "application/json": { schema: { $ref: "./schemas.yaml#/Pet" } } } },
            responses: ok,
          },
        },
      }),
    );
    expect(rejected).toEqual([{ operation: "external", reason: "Its request body refers to an external or circular $ref, which actions cannot resolve." }]);
  });

  it("rejects circular schemas, which cannot be written out as one JSON schema", async () => {
    const { rejected } = await parseOk(
      withPaths(
        {
          "/tree": {
            post: {
              operationId: "saveTree",
              requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Node" } } } },
              responses: ok,
            },
          },
        },
        {
          components: {
            schemas: { Node: { type: "object", properties: { children: { type: "array", items: { $ref: "#/components/schemas/Node" } } } } },
          },
        },
      ),
    );
    expect(rejected).toEqual([{ operation: "saveTree", reason: "Its request body refers to an external or circular $ref, which actions cannot resolve." }]);
  });

  it("rejects operations whose own server is not absolute http(s)", async () => {
    const { rejected } = await parseOk(withPaths({ "/x": { get: { operationId: "relative", servers: [{ url: "/v2" }], responses: ok } } }));
    expect(rejected).toEqual([{ operation: "relative", reason: "Its servers entry is not an absolute http(s) URL." }]);
  });

  it.each([
    [{ openapi: "3.0.3", info: { title: "T", version: "1" }, paths: {} }, /needs a first `servers` entry/],
    [{ openapi: "3.0.3", info: { title: "T", version: "1" }, servers: [{ url: "/relative" }], paths: {} }, /needs a first `servers` entry/],
    [{ openapi: "3.0.3", info: { title: "T", version: "1" }, servers: [{ url: "ftp://files.example.com" }], paths: {} }, /absolute http\(s\) URL/],
    [{ swagger: "2.0", info: { title: "T", version: "1" }, paths: {} }, /Only OpenAPI 3\.0 and 3\.1/],
    [{ openapi: "3.0.3", info: { title: "T" }, servers: [{ url: "https://a.example.com" }], paths: {} }, /not valid: .*version/],
  ])("rejects the whole document %#", async (document, error) => {
    const result = await parse(document);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  it.each([
    ["{ not json", /neither valid JSON nor valid YAML/],
    ["openapi: [unclosed", /neither valid JSON nor valid YAML/],
    ["just a string", /must be a JSON or YAML object/],
  ])("rejects unreadable text %j", async (text, error) => {
    const result = await parseOpenApiDocument(text);
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.error).toMatch(error);
  });
});
