import { APICallError } from "ai";
import { describe, expect, it, vi } from "vitest";
import { modelCallError, openAiErrorResponse } from "@/lib/api/openai-errors";
import type { EndpointConfig } from "@/lib/ai/providers";
import { AppError } from "@/lib/errors";
import { z } from "zod";

const endpoint: EndpointConfig = {
  id: "e1",
  name: "vLLM",
  kind: "openai_compatible",
  baseUrl: "http://10.0.0.5:8000/v1",
  useChatCompletions: false,
  apiKeyCiphertext: null,
  headersCiphertext: null,
  timeoutMs: 1000,
  idleTimeoutMs: 1000,
  updatedAt: new Date(0),
};

const upstream = (statusCode: number) =>
  new APICallError({ message: "upstream said no", url: `${endpoint.baseUrl}/chat/completions`, requestBodyValues: {}, statusCode, responseBody: "{}", isRetryable: statusCode >= 500 });

describe("OpenAI-shaped API errors", () => {
  it("say 401/403/404/429 with OpenAI's error body, keeping Retry-After", async () => {
    const cases = [
      [new AppError("unauthorized", "Bad key."), 401, "authentication_error", "invalid_api_key"],
      [new AppError("forbidden", "Off."), 403, "permission_error", "api_access_disabled"],
      [new AppError("not_found", "No model.", { fields: { model: "not found" } }), 404, "invalid_request_error", "model_not_found"],
      [new AppError("rate_limited", "Slow down.", { headers: { "Retry-After": "7" } }), 429, "rate_limit_error", "rate_limit_exceeded"],
    ] as const;
    for (const [error, status, type, code] of cases) {
      const res = openAiErrorResponse(error);
      expect(res.status).toBe(status);
      const body = (await res.json()) as { error: { message: string; type: string; code: string; param: string | null } };
      expect(body.error).toMatchObject({ message: error.message, type, code });
      if (status === 404) expect(body.error.param).toBe("model");
      if (status === 429) expect(res.headers.get("Retry-After")).toBe("7");
    }
  });

  it("answers a request that does not validate with 400, as OpenAI does", async () => {
    const parsed = z.object({ model: z.string() }).safeParse({});
    const res = openAiErrorResponse(parsed.error);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { type: string; param: string } }).error).toMatchObject({ type: "invalid_request_error", param: "model" });
  });

  it("turns model-call failures into retryable 502/504 (or 429, or 400 for a refused request) without the endpoint's address", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(modelCallError(upstream(500), endpoint).status).toBe(502);
    expect(modelCallError(upstream(401), endpoint).status).toBe(502);
    expect(modelCallError(upstream(429), endpoint).status).toBe(429);
    expect(modelCallError(upstream(400), endpoint).status).toBe(400);
    expect(modelCallError(new DOMException("No response within 1 s", "TimeoutError"), endpoint).status).toBe(504);
    const error = modelCallError(upstream(503), endpoint);
    expect(error.message).not.toContain("10.0.0.5");
    expect(error.message).toMatch(/Reference [0-9A-F]{8}/);
    log.mockRestore();
  });
});
