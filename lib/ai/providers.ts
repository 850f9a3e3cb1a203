import "server-only";
// The ONLY place a model object is built. A stored endpoint + model name becomes an AI SDK
// LanguageModel: hosted OpenAI through @ai-sdk/openai (Responses API, or Chat Completions when the
// admin chose it), everything else through @ai-sdk/openai-compatible with usage reporting on.
// Providers are cached per endpoint *version* (id + updatedAt read from the database), so an admin's
// change is picked up by the next message on every replica without a restart.
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModel } from "ai";
import { z } from "zod";
import type { EndpointKind } from "@/lib/generated/prisma/client";
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

/**
 * fetch with the endpoint's timeout applied to getting the response headers (connect + first byte);
 * once the answer has started, a long stream is not cut off by it.
 */
export function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return async (input, init) => {
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
}

function buildProvider(endpoint: EndpointConfig): Provider {
  const common = {
    baseURL: endpoint.baseUrl,
    apiKey: endpointApiKey(endpoint),
    headers: endpointHeaders(endpoint),
    fetch: fetchWithTimeout(endpoint.timeoutMs),
  };
  if (endpoint.kind === "openai") {
    // @ai-sdk/openai insists on a key; an OpenAI-kind endpoint behind a keyless proxy still works.
    const openai = createOpenAI({ ...common, apiKey: common.apiKey ?? "not-set", name: `endpoint-${endpoint.id}` });
    return {
      languageModel: (modelName) => (endpoint.useChatCompletions ? openai.chat(modelName) : openai.responses(modelName)),
    };
  }
  const compatible = createOpenAICompatible({ ...common, name: `endpoint-${endpoint.id}`, includeUsage: true });
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
