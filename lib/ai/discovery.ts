import "server-only";
// Model discovery: GET {baseUrl}/models on an endpoint, bounded by a short timeout so an unreachable
// server never holds up a page. Failures come back as the same sentences chat errors use.
import { APICallError } from "ai";
import { z } from "zod";
import { describeModelError, type ModelFailure } from "@/lib/ai/errors";
import { endpointApiKey, endpointHeaders, fetchWithTimeout, type EndpointConfig } from "@/lib/ai/providers";

export const DISCOVERY_TIMEOUT_MS = 5000;

const modelsResponseSchema = z.object({
  data: z.array(
    z
      .object({
        id: z.string().min(1),
        /** vLLM (and servers built on it, e.g. NVIDIA NIM) report each model's context window here. */
        max_model_len: z.number().int().positive().optional().catch(undefined),
      })
      .loose(),
  ),
});

/** Context windows (tokens) the server reported, by model name. */
export function reportedContextWindows(data: ReadonlyArray<{ id: string; max_model_len?: number }>): Record<string, number> {
  const windows: Record<string, number> = {};
  for (const model of data) if (model.max_model_len) windows[model.id] = model.max_model_len;
  return windows;
}

export type DiscoveryResult =
  | { ok: true; models: string[]; contextWindows: Record<string, number>; status: number; url: string }
  | { ok: false; failure: ModelFailure; url: string };

export async function discoverModels(endpoint: EndpointConfig, timeoutMs = DISCOVERY_TIMEOUT_MS): Promise<DiscoveryResult> {
  const url = `${endpoint.baseUrl}/models`;
  const apiKey = endpointApiKey(endpoint);
  const secrets = [apiKey ?? "", ...Object.values(endpointHeaders(endpoint))];
  const headers: Record<string, string> = { Accept: "application/json", ...endpointHeaders(endpoint) };
  if (apiKey) headers.Authorization = `Bearer ${apiKey}`;
  try {
    const res = await fetchWithTimeout(Math.min(timeoutMs, endpoint.timeoutMs))(url, { headers });
    const body = await res.text();
    if (!res.ok) {
      throw new APICallError({ message: `HTTP ${res.status}`, url, requestBodyValues: {}, statusCode: res.status, responseBody: body });
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return { ok: false, url, failure: { kind: "upstream", status: res.status, message: `${url} did not answer with JSON. Is the base URL right?` } };
    }
    const parsed = modelsResponseSchema.safeParse(json);
    if (!parsed.success) {
      return {
        ok: false,
        url,
        failure: { kind: "upstream", status: res.status, message: `${url} answered, but not with an OpenAI-style model list ({ data: [{ id }] }).` },
      };
    }
    const models = [...new Set(parsed.data.data.map((model) => model.id))].sort();
    return { ok: true, models, contextWindows: reportedContextWindows(parsed.data.data), status: res.status, url };
  } catch (error) {
    return { ok: false, url, failure: describeModelError(error, endpoint, secrets) };
  }
}
