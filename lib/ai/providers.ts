import "server-only";
// The ONLY place a model object is built. A stored endpoint + model name becomes an AI SDK
// LanguageModel: hosted OpenAI through @ai-sdk/openai (Responses API, or Chat Completions when the
// admin chose it), everything else through @ai-sdk/openai-compatible with usage reporting on and
// tool-call turns sent back with `content: ""` (lib/ai/request-body.ts).
// Providers are cached per endpoint *version* (id + updatedAt read from the database), so an admin's
// change is picked up by the next message on every replica without a restart.
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModel } from "ai";
import { z } from "zod";
import type { EndpointKind } from "@/lib/generated/prisma/client";
import { withIdleTimeout } from "@/lib/ai/idle-timeout";
import { withEmptyToolCallContent } from "@/lib/ai/request-body";
import { decryptSecret } from "@/lib/secrets";

export type EndpointConfig = {
  id: string;
  name: string;
  kind: EndpointKind;
  baseUrl: string;
  useChatCompletions: boolean;
  apiKeyCiphertext: string | null;
  headersCiphertext: string | null;
  timeoutMs: number;
  /** Longest silence allowed between two chunks of a response body (lib/ai/idle-timeout.ts). */
  idleTimeoutMs: number;
  updatedAt: Date;
};

type Provider = { languageModel(modelName: string): LanguageModel };

const cache = new Map<string, { version: number; provider: Provider }>();

const headersSchema = z.record(z.string(), z.string());

/** Decrypted extra headers of an endpoint. */
export function endpointHeaders(endpoint: Pick<EndpointConfig, "headersCiphertext">): Record<string, string> {
  if (!endpoint.headersCiphertext) return {};
  return headersSchema.parse(JSON.parse(decryptSecret(endpoint.headersCiphertext)));
}

export function endpointApiKey(endpoint: Pick<EndpointConfig, "apiKeyCiphertext">): string | undefined {
  return endpoint.apiKeyCiphertext ? decryptSecret(endpoint.apiKeyCiphertext) : undefined;
}

export const RETRY_POLICY = {
  /** Retries after the first attempt, for 429 and 5xx answers only. */
  retries: 2,
  initialDelayMs: 500,
  /** A Retry-After longer than this is not waited for: the user sees the error instead. */
  maxDelayMs: 20_000,
};

/** Milliseconds a 429/5xx response asks us to wait (Retry-After in seconds or as a date), or null. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | null {
  const ms = headers.get("retry-after-ms");
  if (ms && !Number.isNaN(Number(ms))) return Math.max(0, Number(ms));
  const value = headers.get("retry-after");
  if (!value) return null;
  const seconds = Number(value);
  if (!Number.isNaN(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function wait(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}

/** The secret strings of an endpoint (key and header values), to scrub from anything shown or logged. */
export function endpointSecrets(endpoint: Pick<EndpointConfig, "apiKeyCiphertext" | "headersCiphertext">): string[] {
  return [endpointApiKey(endpoint) ?? "", ...Object.values(endpointHeaders(endpoint))].filter(Boolean);
}

/**
 * fetch for model calls. The endpoint's timeout applies to getting the response headers (connect +
 * first byte); a long stream is not cut off by it, but a body that stays silent for `idleTimeoutMs`
 * errors with a StreamIdleError (a stalled model must not hold a turn until the HTTP client's own
 * 300 s body timeout). A 429 or 5xx answer (which arrives before any token) is retried with
 * exponential backoff that honours Retry-After; once a response has started, nothing is retried.
 * Connection failures are not retried: "unreachable" is said at once.
 */
export function fetchWithTimeout(timeoutMs: number, policy = RETRY_POLICY, idleTimeoutMs?: number): typeof fetch {
  const attempt = async (input: Parameters<typeof fetch>[0], init: RequestInit | undefined) => {
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new DOMException(`No response within ${Math.round(timeoutMs / 1000)} s`, "TimeoutError")),
      timeoutMs,
    );
    const signal = init?.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
    try {
      return await fetch(input, { ...init, signal });
    } finally {
      clearTimeout(timer);
    }
  };
  return async (input, init) => {
    for (let retry = 0; ; retry += 1) {
      const response = await attempt(input, init);
      const retryable = response.status === 429 || response.status >= 500;
      if (!retryable || retry >= policy.retries) return idleTimeoutMs ? withIdleTimeout(response, idleTimeoutMs) : response;
      const asked = retryAfterMs(response.headers);
      const delay = asked ?? policy.initialDelayMs * 2 ** retry;
      if (delay > policy.maxDelayMs) return response;
      await response.body?.cancel().catch(() => {});
      await wait(delay, init?.signal);
    }
  };
}

function buildProvider(endpoint: EndpointConfig): Provider {
  const common = {
    baseURL: endpoint.baseUrl,
    apiKey: endpointApiKey(endpoint),
    headers: endpointHeaders(endpoint),
    fetch: fetchWithTimeout(endpoint.timeoutMs, RETRY_POLICY, endpoint.idleTimeoutMs),
  };
  if (endpoint.kind === "openai") {
    // @ai-sdk/openai insists on a key; an OpenAI-kind endpoint behind a keyless proxy still works.
    const openai = createOpenAI({ ...common, apiKey: common.apiKey ?? "not-set", name: `endpoint-${endpoint.id}` });
    return {
      languageModel: (modelName) => (endpoint.useChatCompletions ? openai.chat(modelName) : openai.responses(modelName)),
    };
  }
  const compatible = createOpenAICompatible({
    ...common,
    name: `endpoint-${endpoint.id}`,
    includeUsage: true,
    transformRequestBody: withEmptyToolCallContent,
  });
  return { languageModel: (modelName) => compatible.chatModel(modelName) };
}

/** The AI SDK model for a stored endpoint and upstream model name. */
export function getLanguageModel(endpoint: EndpointConfig, modelName: string): LanguageModel {
  const version = endpoint.updatedAt.getTime();
  let entry = cache.get(endpoint.id);
  if (!entry || entry.version !== version) {
    entry = { version, provider: buildProvider(endpoint) };
    cache.set(endpoint.id, entry);
  }
  return entry.provider.languageModel(modelName);
}

/** Drops a deleted endpoint's provider. */
export function forgetEndpoint(endpointId: string): void {
  cache.delete(endpointId);
}
