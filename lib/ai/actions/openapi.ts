import "server-only";
// Turns an admin's OpenAPI 3.0/3.1 document into "actions" (like GPT actions): one callable operation
// per operationId, with a JSON input schema the model fills in. The document is validated and its
// local $refs resolved by @readme/openapi-parser; external $refs are never followed (no file or
// network access while parsing), so an operation that still needs one is rejected with a reason.
import { dereference, validate } from "@readme/openapi-parser";
import type { JSONSchema7 } from "ai";
import { parse as parseYaml } from "yaml";
import { z } from "zod";

export const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;
export type HttpMethod = Uppercase<(typeof HTTP_METHODS)[number]>;

export type ActionParameter = { name: string; in: "path" | "query" | "header"; required: boolean };

export type ActionOperation = {
  /** Tool name: the operationId made safe for model APIs (^[a-zA-Z0-9_-]{1,64}$). */
  name: string;
  operationId: string;
  description: string;
  method: HttpMethod;
  /** Path template as written, e.g. /pets/{petId}. */
  path: string;
  /** Absolute http(s) base URL, server variables filled with their defaults, no trailing slash. */
  serverUrl: string;
  parameters: ActionParameter[];
  body: { required: boolean } | null;
  /** Object with optional `path`, `query`, `headers` and `body` members. */
  inputSchema: JSONSchema7;
};

export type ParsedOpenApi =
  | { ok: true; document: OpenApiDocument; operations: ActionOperation[]; rejected: { operation: string; reason: string }[] }
  | { ok: false; error: string };

const MAX_DOCUMENT_CHARS = 2_000_000;
const MAX_DESCRIPTION_CHARS = 1024; // OpenAI's limit for a function description
// The spec says these header parameters are ignored: content negotiation and auth are ours to set.
const IGNORED_HEADERS = new Set(["accept", "content-type", "authorization"]);

const jsonObject = z.record(z.string(), z.unknown());
const serverSchema = z.looseObject({
  url: z.string(),
  variables: z.record(z.string(), z.looseObject({ default: z.union([z.string(), z.number()]) })).optional(),
});
const parameterSchema = z.looseObject({
  name: z.string().min(1),
  in: z.string(),
  required: z.boolean().optional(),
  description: z.string().optional(),
  schema: jsonObject.optional(),
  content: z.unknown().optional(),
});
const operationSchema = z.looseObject({
  operationId: z.string().optional(),
  summary: z.string().optional(),
  description: z.string().optional(),
  parameters: z.array(jsonObject).optional(),
  requestBody: jsonObject.optional(),
  servers: z.array(serverSchema).optional(),
});
const pathItemSchema = z.looseObject({
  parameters: z.array(jsonObject).optional(),
  servers: z.array(serverSchema).optional(),
  ...Object.fromEntries(HTTP_METHODS.map((method) => [method, operationSchema.optional()])),
});
const documentSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string() }),
  servers: z.array(serverSchema).optional(),
  paths: z.record(z.string(), pathItemSchema).optional(),
});
export type OpenApiDocument = z.infer<typeof documentSchema>;
type Operation = z.infer<typeof operationSchema>;
type Server = z.infer<typeof serverSchema>;
type ParserInput = Exclude<Parameters<typeof dereference>[0], string>;

/** Parses, validates and converts a document. Never throws; never touches the file system or network. */
export async function parseOpenApiDocument(text: string): Promise<ParsedOpenApi> {
  if (text.length > MAX_DOCUMENT_CHARS) return { ok: false, error: "The document is larger than 2 MB." };
  const raw = parseText(text);
  if (!raw.ok) return raw;
  const version = typeof raw.value.openapi === "string" ? raw.value.openapi : null;
  if (!version?.startsWith("3.")) {
    return { ok: false, error: "Only OpenAPI 3.0 and 3.1 documents are supported (the document needs `openapi: 3.x`)." };
  }
  const options = {
    resolve: { external: false },
    dereference: { circular: "ignore" as const },
    // Duplicates are reported per operation below instead of failing the whole document.
    validate: { rules: { openapi: { "duplicate-operation-id": "warning" as const } } },
  };
  let resolved: unknown;
  try {
    // The parser's input type is the OpenAPI document it is about to check; the cast is what it verifies.
    const verdict = await validate(structuredClone(raw.value) as ParserInput, options);
    if (!verdict.valid) {
      const first = verdict.errors.slice(0, 3).map((e) => e.message.trim().split("\n")[0]);
      return { ok: false, error: `The OpenAPI document is not valid: ${first.join("; ")}` };
    }
    resolved = await dereference(structuredClone(raw.value) as ParserInput, options);
  } catch (error) {
    return { ok: false, error: `The OpenAPI document could not be read: ${error instanceof Error ? error.message : "unknown error"}` };
  }
  const parsed = documentSchema.safeParse(resolved);
  if (!parsed.success) return { ok: false, error: "The OpenAPI document does not have the expected shape (openapi, info, paths)." };
  const document = parsed.data;
  const serverUrl = resolveServer(document.servers);
  if (!serverUrl) {
    return { ok: false, error: 'The document needs a first `servers` entry with an absolute http(s) URL, e.g. servers: [{ url: "https://api.example.com" }].' };
  }
  return { ok: true, document, ...collectOperations(document, serverUrl) };
}

function parseText(text: string): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = text.trimStart().startsWith("{") ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0] : "syntax error";
    return { ok: false, error: `The document is neither valid JSON nor valid YAML: ${detail}` };
  }
  const object = jsonObject.safeParse(value);
  return object.success ? { ok: true, value: object.data } : { ok: false, error: "The document must be a JSON or YAML object." };
}

function resolveServer(servers: Server[] | undefined): string | null {
  const server = servers?.[0];
  if (!server) return null;
  const url = server.url.replace(/\{([^}]+)\}/g, (match, name: string) => {
    const fallback = server.variables?.[name]?.default;
    return fallback === undefined ? match : String(fallback);
  });
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
    return parsed.href.replace(/\/+$/, "");
  } catch {
    return null;
  }
}

function collectOperations(document: OpenApiDocument, defaultServer: string) {
  const operations: ActionOperation[] = [];
  const rejected: { operation: string; reason: string }[] = [];
  const taken = new Map<string, string>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const parsed = operationSchema.optional().safeParse(item[method]);
      if (!parsed.success || !parsed.data) continue;
      const label = `${method.toUpperCase()} ${path}`;
      const result = convertOperation(parsed.data, {
        method: method.toUpperCase() as HttpMethod,
        path,
        pathParameters: item.parameters ?? [],
        serverUrl: parsed.data.servers ? resolveServer(parsed.data.servers) : item.servers ? resolveServer(item.servers) : defaultServer,
      });
      if (!result.ok) {
        rejected.push({ operation: parsed.data.operationId ?? label, reason: result.reason });
        continue;
      }
      const owner = taken.get(result.operation.name);
      if (owner) {
        rejected.push({ operation: result.operation.operationId, reason: `Its name "${result.operation.name}" is already used by ${owner}; operationIds must be unique.` });
        continue;
      }
      taken.set(result.operation.name, label);
      operations.push(result.operation);
    }
  }
  return { operations, rejected };
}

export function sanitiseToolName(operationId: string): string {
  return operationId.replace(/[^a-zA-Z0-9_-]/g, "_").slice(0, 64);
}

type Conversion = { ok: true; operation: ActionOperation } | { ok: false; reason: string };
type OperationContext = { method: HttpMethod; path: string; pathParameters: Record<string, unknown>[]; serverUrl: string | null };

/** A $ref left after dereferencing is external or circular: the model could not be given its schema. */
function hasRef(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasRef);
  if (typeof value !== "object" || value === null) return false;
  return Object.entries(value).some(([key, inner]) => key === "$ref" || hasRef(inner));
}

function convertOperation(operation: Operation, context: OperationContext): Conversion {
  const { operationId } = operation;
  if (!operationId) return { ok: false, reason: "It has no operationId; add one to expose it as an action." };
  const name = sanitiseToolName(operationId);
  if (!name) return { ok: false, reason: "Its operationId has no usable characters." };
  if (!context.serverUrl) return { ok: false, reason: "Its servers entry is not an absolute http(s) URL." };

  const groups = { path: new ParamGroup(), query: new ParamGroup(), header: new ParamGroup() };
  const parameters: ActionParameter[] = [];
  // Operation-level parameters override path-level ones with the same name and location.
  const merged = new Map<string, Record<string, unknown>>();
  for (const param of [...context.pathParameters, ...(operation.parameters ?? [])]) {
    merged.set(`${String(param.in)}:${String(param.name)}`, param);
  }
  for (const raw of merged.values()) {
    if (hasRef(raw)) return { ok: false, reason: "A parameter refers to an external or circular $ref, which actions cannot resolve." };
    const param = parameterSchema.safeParse(raw);
    if (!param.success) return { ok: false, reason: "A parameter is missing its name or location." };
    const { name: paramName, in: location } = param.data;
    if (location === "cookie") return { ok: false, reason: `It uses the cookie parameter "${paramName}"; actions do not send cookies.` };
    if (location !== "path" && location !== "query" && location !== "header") {
      return { ok: false, reason: `Parameter "${paramName}" has an unknown location "${location}".` };
    }
    if (param.data.content !== undefined || !param.data.schema) {
      return { ok: false, reason: `Parameter "${paramName}" is described with \`content\` instead of \`schema\`, which actions do not support.` };
    }
    if (location === "header" && IGNORED_HEADERS.has(paramName.toLowerCase())) continue;
    const required = location === "path" || param.data.required === true;
    const description = param.data.description ?? (typeof param.data.schema.description === "string" ? param.data.schema.description : undefined);
    groups[location].add(paramName, { ...param.data.schema, ...(description ? { description } : {}) } as JSONSchema7, required);
    parameters.push({ name: paramName, in: location, required });
  }

  const body = convertBody(operation.requestBody);
  if (!body.ok) return body;

  const properties: Record<string, JSONSchema7> = {};
  const required: string[] = [];
  for (const [key, group] of [["path", groups.path], ["query", groups.query], ["headers", groups.header]] as const) {
    if (group.isEmpty()) continue;
    properties[key] = group.toSchema();
    if (group.hasRequired()) required.push(key);
  }
  if (body.body) {
    properties.body = body.body.schema;
    if (body.body.required) required.push("body");
  }
  const text = [operation.summary, operation.description].filter(Boolean).join("\n\n").trim();
  return {
    ok: true,
    operation: {
      name,
      operationId,
      description: (text || `${context.method} ${context.path}`).slice(0, MAX_DESCRIPTION_CHARS),
      method: context.method,
      path: context.path,
      serverUrl: context.serverUrl,
      parameters,
      body: body.body ? { required: body.body.required } : null,
      inputSchema: { type: "object", properties, required, additionalProperties: false },
    },
  };
}

class ParamGroup {
  private readonly properties: Record<string, JSONSchema7> = {};
  private readonly required: string[] = [];

  add(name: string, schema: JSONSchema7, required: boolean): void {
    this.properties[name] = schema;
    if (required) this.required.push(name);
  }

  isEmpty(): boolean {
    return Object.keys(this.properties).length === 0;
  }

  hasRequired(): boolean {
    return this.required.length > 0;
  }

  toSchema(): JSONSchema7 {
    return { type: "object", properties: this.properties, required: this.required, additionalProperties: false };
  }
}

type BodyConversion = { ok: true; body: { schema: JSONSchema7; required: boolean } | null } | { ok: false; reason: string };

function convertBody(requestBody: Record<string, unknown> | undefined): BodyConversion {
  if (!requestBody) return { ok: true, body: null };
  if (hasRef(requestBody)) return { ok: false, reason: "Its request body refers to an external or circular $ref, which actions cannot resolve." };
  const content = jsonObject.safeParse(requestBody.content);
  const types = content.success ? Object.keys(content.data) : [];
  const jsonType = types.find((type) => /^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type));
  if (!content.success || !jsonType) {
    return { ok: false, reason: `Its request body is ${types.join(", ") || "of no declared type"}; actions only send application/json bodies.` };
  }
  const media = jsonObject.safeParse(content.data[jsonType]);
  const schema = media.success ? jsonObject.safeParse(media.data.schema) : null;
  const description = typeof requestBody.description === "string" ? requestBody.description : undefined;
  return {
    ok: true,
    body: {
      schema: { ...(schema?.success ? schema.data : {}), ...(description ? { description } : {}) } as JSONSchema7,
      required: requestBody.required === true,
    },
  };
}
