import "server-only";
// Calls one OpenAPI action for the model. The request is built by a pure function (tested without a
// network); the secret is placed by us, after the model's input, so it never appears in the tool's
// description or input and a model-chosen header can't replace it. Every request goes through
// safeFetch; only hosts an admin allow-listed AND the action's own document names may be private.
import { jsonSchema, tool } from "ai";
import { z } from "zod";
import type { ActionOperation } from "@/lib/ai/actions/openapi";
import { redactValue } from "@/lib/ai/tools/redact";
import { wrapToolOutput, type ToolData } from "@/lib/ai/tools/tool-result";
import { safeFetch, type SafeFetchResponse } from "@/lib/net/safe-fetch";

export { actionAuthSchema, type ActionAuth } from "@/lib/schemas/assistants";
import type { ActionAuth } from "@/lib/schemas/assistants";

const scalar = z.union([z.string(), z.number(), z.boolean()]);
/** The shape every action's input has; the per-operation JSON schema narrows it for the model. */
export const actionInputSchema = z.strictObject({
  path: z.record(z.string(), scalar).optional(),
  query: z.record(z.string(), z.union([scalar, z.array(scalar)])).optional(),
  headers: z.record(z.string(), scalar).optional(),
  body: z.unknown().optional(),
});
export type ActionInput = z.infer<typeof actionInputSchema>;

export type ActionRequest = { method: string; url: string; headers: Record<string, string>; body?: string };

/** A sentence for the model about input it got wrong; it can correct the call and try again. */
export class ActionInputError extends Error {
  override name = "ActionInputError";
}

const MAX_RESPONSE_BYTES = 1024 * 1024;
const TIMEOUT_MS = 15_000;
const OUTPUT_LIMIT_CHARS = 8000;

function declared(operation: ActionOperation, location: "path" | "query" | "header") {
  return operation.parameters.filter((p) => p.in === location);
}

function checkNames(operation: ActionOperation, location: "path" | "query" | "header", given: Record<string, unknown>): void {
  const known = declared(operation, location);
  for (const name of Object.keys(given)) {
    if (!known.some((p) => p.name === name)) throw new ActionInputError(`"${name}" is not a ${location} parameter of ${operation.name}.`);
  }
  for (const param of known) {
    if (param.required && given[param.name] === undefined) {
      throw new ActionInputError(`The ${location} parameter "${param.name}" is required by ${operation.name}.`);
    }
  }
}

/** Pure: the HTTP request for one call. Throws ActionInputError for bad input or a missing secret. */
export function buildActionRequest(operation: ActionOperation, input: unknown, auth: ActionAuth, secret: string | null): ActionRequest {
  const parsed = actionInputSchema.safeParse(input ?? {});
  if (!parsed.success) {
    throw new ActionInputError(`The input for ${operation.name} must be an object with optional path, query, headers and body members.`);
  }
  const { path = {}, query = {}, headers = {}, body } = parsed.data;
  checkNames(operation, "path", path);
  checkNames(operation, "query", query);
  checkNames(operation, "header", headers);
  if (body !== undefined && !operation.body) throw new ActionInputError(`${operation.name} does not take a request body.`);
  if (body === undefined && operation.body?.required) throw new ActionInputError(`${operation.name} requires a request body.`);

  const renderedPath = operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const given = path[name];
    if (given === undefined) throw new ActionInputError(`The path parameter "${name}" is required by ${operation.name}.`);
    const value = String(given);
    // "." and ".." would be resolved by the URL parser and move the request to another endpoint.
    if (value === "" || value === "." || value === "..") throw new ActionInputError(`The path parameter "${name}" cannot be "${value}".`);
    return encodeURIComponent(value);
  });
  const url = new URL(operation.serverUrl + renderedPath);
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(name, String(item));
  }
  const requestHeaders: Record<string, string> = { accept: "application/json" };
  for (const [name, value] of Object.entries(headers)) {
    const text = String(value);
    if (/[\r\n]/.test(text)) throw new ActionInputError(`The header "${name}" cannot contain line breaks.`);
    requestHeaders[name.toLowerCase()] = text;
  }
  if (body !== undefined) requestHeaders["content-type"] = "application/json";

  // Auth last, so nothing in the model's input can override it.
  if (auth.type !== "none") {
    if (!secret) throw new ActionInputError(`${operation.name} needs an API key or token, and none is configured; whoever edits this assistant can set it in the builder.`);
    if (auth.type === "bearer") requestHeaders.authorization = `Bearer ${secret}`;
    else if (auth.in === "header") requestHeaders[auth.name.toLowerCase()] = secret;
    else url.searchParams.set(auth.name, secret);
  }
  return {
    method: operation.method,
    url: url.href,
    headers: requestHeaders,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  };
}

/** JSON when the server says so (and it parses), text for text, a note for anything binary. */
export function readActionResponse(response: Pick<SafeFetchResponse, "headers" | "body">): unknown {
  const type = (response.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const text = response.body.toString("utf8");
  if (/^application\/([\w.+-]+\+)?json$/.test(type) || (!type && /^\s*[[{]/.test(text))) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  if (!type || type.startsWith("text/") || type.endsWith("+xml") || type === "application/xml") return text;
  return `[${response.body.length} bytes of ${type} omitted: binary content]`;
}

/** Only GET is treated as safe; anything else may change data, so the user confirms it first. */
export function actionNeedsApproval(operation: ActionOperation): boolean {
  return operation.method !== "GET";
}

export type ActionToolOptions = {
  auth: ActionAuth;
  /** The key or token, decrypted by the caller; never shown to the model. */
  secret: string | null;
  /** Admin-approved private "host:port" entries this action's document names (see allowlistForUrls). */
  allowPrivateHosts: readonly string[];
  /** For tests; defaults to safeFetch. */
  fetch?: typeof safeFetch;
};

export type ActionOutput = ToolData & { status: number };

export function buildActionTool(operation: ActionOperation, options: ActionToolOptions) {
  const fetch = options.fetch ?? safeFetch;
  return tool({
    description: operation.description,
    inputSchema: jsonSchema<ActionInput>(operation.inputSchema, {
      validate: (value) => {
        const result = actionInputSchema.safeParse(value);
        return result.success ? { success: true, value: result.data } : { success: false, error: result.error };
      },
    }),
    // Tool-level approval still works in AI SDK 7 (streamText's `toolApproval` is the newer place;
    // actionNeedsApproval gives the same answer for it).
    needsApproval: actionNeedsApproval(operation),
    execute: async (input): Promise<ActionOutput> => {
      const request = buildActionRequest(operation, input, options.auth, options.secret);
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        maxBytes: MAX_RESPONSE_BYTES,
        timeoutMs: TIMEOUT_MS,
        allowPrivateHosts: options.allowPrivateHosts,
      });
      // Redacted before it is cut to size, so no part of the key survives at the cut either.
      const body = redactValue(readActionResponse(response), [options.secret]);
      const wrapped = wrapToolOutput({ status: response.status, body, ...(response.truncated ? { bodyTruncated: true } : {}) }, OUTPUT_LIMIT_CHARS);
      return { ...wrapped, status: response.status };
    },
  });
}
