// A fake OpenAI-compatible server for tests and benchmarks (never imported by production code).
// Speaks GET /v1/models, POST /v1/chat/completions and POST /v1/responses in OpenAI's wire formats;
// replies are deterministic from the last user message, and directives in it (see directives.ts)
// make it fail in the ways real servers do. It records every request so tests can check what the
// app sent; GET/DELETE /__control/requests expose that log to other processes.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleChatCompletions, planChat, type ChatBody } from "./chat-completions";
import type { Plan } from "./plan";
import { handleResponses, planResponses, type ResponsesBody } from "./responses";
import { readJson, sendError } from "./sse";

export type RecordedRequest = { method: string; path: string; headers: Record<string, string | string[] | undefined>; body: unknown; time: number };

export type FakeLlmOptions = {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Put in front of every reply so tests can tell servers apart, e.g. "[A]". */
  replyPrefix?: string;
  /** When set, requests must carry `Authorization: Bearer <apiKey>`. */
  apiKey?: string | null;
  models?: string[];
  /** Pause between streamed chunks. */
  chunkDelayMs?: number;
  /** Behave like a server that never reports token usage. */
  noUsage?: boolean;
  /** Behave like a server without tool-call support: tools and tool_choice are ignored. */
  ignoreTools?: boolean;
  /** Answer every completion request with this HTTP status before any byte. */
  failCompletionsWith?: number;
  /**
   * Validate Chat Completions messages strictly, like NVIDIA NIM and some llama.cpp builds: a
   * message whose `content` is null (an assistant turn that only calls tools) gets a 400.
   */
  strictContent?: boolean;
  /** Behave like a model that ignores tool results: after a tool message it answers without it. */
  ignoreToolResults?: boolean;
  /** Report these context windows in GET /v1/models as vLLM does (`max_model_len`), by model id. */
  contextWindows?: Record<string, number>;
};

export type FakeLlm = {
  /** Base URL including /v1. */
  url: string;
  port: number;
  requests: RecordedRequest[];
  clearRequests(): void;
  close(): Promise<void>;
};

function failureFor(plan: Plan, failures: Map<string, number>, messageKey: string): { status: number; headers?: Record<string, string> } | null {
  const { directives } = plan;
  const failed = failures.get(messageKey) ?? 0;
  if (directives.statusOnce && failed < (directives.statusTimes ?? 1)) {
    failures.set(messageKey, failed + 1);
    // Retry-After: 0 keeps retrying clients fast in tests.
    return { status: directives.statusOnce, headers: { "Retry-After": "0" } };
  }
  if (directives.status) {
    return { status: directives.status, headers: directives.retryAfter !== undefined ? { "Retry-After": String(directives.retryAfter) } : undefined };
  }
  return null;
}

/** The error bodies OpenAI sends for the statuses tests ask for; anything else reads as a server error. */
function errorFor(status: number): { message: string; type: string; code?: string } {
  if (status === 429) return { message: "Rate limit reached for requests. Please try again shortly.", type: "requests", code: "rate_limit_exceeded" };
  if (status === 400) return { message: "Invalid request.", type: "invalid_request_error" };
  if (status === 401) return { message: "Incorrect API key provided.", type: "invalid_request_error", code: "invalid_api_key" };
  if (status === 403) return { message: "You are not allowed to use this model.", type: "invalid_request_error", code: "unsupported_country_region_territory" };
  if (status === 404) return { message: "The model does not exist or you do not have access to it.", type: "invalid_request_error", code: "model_not_found" };
  if (status === 503) return { message: "The engine is currently overloaded, please try again later.", type: "server_error" };
  return { message: "The server had an error while processing your request. Sorry about that!", type: "server_error" };
}

function maskKey(key: string): string {
  return key.length > 8 ? `${key.slice(0, 3)}***${key.slice(-4)}` : "***";
}

export async function startFakeLlm(options: FakeLlmOptions = {}): Promise<FakeLlm> {
  const prefix = options.replyPrefix ?? "";
  const models = options.models ?? ["fake-small", "fake-large"];
  const requests: RecordedRequest[] = [];
  const failures = new Map<string, number>();
  const sockets = new Set<import("node:net").Socket>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path === "/__control/requests") {
      if (req.method === "DELETE") requests.length = 0;
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify(req.method === "DELETE" ? [] : requests));
      return;
    }
    const body = req.method === "POST" ? await readJson(req).catch(() => null) : null;
    requests.push({ method: req.method ?? "GET", path, headers: req.headers, body, time: Date.now() });
    if (options.apiKey) {
      const auth = req.headers.authorization ?? "";
      if (auth !== `Bearer ${options.apiKey}`) {
        const given = auth.replace(/^Bearer\s+/i, "");
        sendError(res, 401, given ? `Incorrect API key provided: ${maskKey(given)}. You can find your API key in your account settings.` : "You didn't provide an API key.", {
          type: "invalid_request_error",
          code: "invalid_api_key",
        });
        return;
      }
    }
    if (req.method === "GET" && path === "/v1/models") {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ object: "list", data: models.map((id) => ({ id, object: "model", created: 1700000000, owned_by: "fake", ...(options.contextWindows?.[id] ? { max_model_len: options.contextWindows[id] } : {}) })) }));
      return;
    }
    const modelId = /^\/v1\/models\/(.+)$/.exec(path)?.[1];
    if (req.method === "GET" && modelId !== undefined) {
      const id = decodeURIComponent(modelId);
      if (!models.includes(id)) {
        sendError(res, 404, `The model '${id}' does not exist`, { type: "invalid_request_error", code: "model_not_found" });
        return;
      }
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ id, object: "model", created: 1700000000, owned_by: "fake" }));
      return;
    }
    if (req.method === "POST" && (path === "/v1/chat/completions" || path === "/v1/responses")) {
      if (body === null || typeof body !== "object") {
        sendError(res, 400, "We could not parse the JSON body of your request.", { type: "invalid_request_error" });
        return;
      }
      if (options.failCompletionsWith) {
        const { message, ...extra } = errorFor(options.failCompletionsWith);
        sendError(res, options.failCompletionsWith, message, extra);
        return;
      }
      const chat = path === "/v1/chat/completions";
      const request = (options.ignoreTools ? { ...body, tools: undefined, tool_choice: undefined } : body) as ChatBody & ResponsesBody;
      if (chat && options.strictContent) {
        const index = (request.messages ?? []).findIndex((message) => message.content === null);
        if (index !== -1) {
          // NIM's validation error, in OpenAI's error envelope.
          sendError(res, 400, `1 validation error for ChatCompletionRequest: messages.${index}.content: Input should be a valid string`, { type: "invalid_request_error" });
          return;
        }
      }
      const plan = chat ? planChat(request, prefix, options.ignoreToolResults) : planResponses(request, prefix);
      if (options.noUsage) plan.directives.noUsage = true;
      const failure = failureFor(plan, failures, JSON.stringify(chat ? (body as ChatBody).messages?.at(-1) : (body as ResponsesBody).input));
      if (failure) {
        const { message, ...extra } = errorFor(failure.status);
        sendError(res, failure.status, message, { ...extra, headers: failure.headers });
        return;
      }
      if (chat) await handleChatCompletions(res, request, plan, options.chunkDelayMs ?? 0);
      else await handleResponses(res, request, plan, options.chunkDelayMs ?? 0);
      return;
    }
    // OpenAI's own wording for a path it does not serve.
    sendError(res, 404, `Invalid URL (${req.method ?? "GET"} ${path})`, { type: "invalid_request_error" });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, error instanceof Error ? error.message : String(error));
      else res.destroy();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}/v1`,
    port,
    requests,
    clearRequests: () => {
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
