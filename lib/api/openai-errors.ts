import "server-only";
// Errors of the OpenAI-compatible API in OpenAI's JSON shape ({"error":{"message","type","param",
// "code"}}) with the statuses OpenAI's SDKs act on: 401/403/404/400 are not retried; 429 (with
// Retry-After), 502, 503 and 504 are. Model-call failures become 502/504 (or 429/400) here with
// the same sentence the browser chat shows; the log keeps the admin's full cause under a reference.
import { reportModelError } from "@/lib/ai/user-facing-error";
import { describeModelError } from "@/lib/ai/errors";
import { endpointSecrets, type EndpointConfig } from "@/lib/ai/providers";
import { AppError, toAppError, type ErrorCode } from "@/lib/errors";

const TYPES: Partial<Record<ErrorCode, { type: string; code: string | null }>> = {
  bad_request: { type: "invalid_request_error", code: null },
  validation: { type: "invalid_request_error", code: null },
  unsupported_media_type: { type: "invalid_request_error", code: null },
  payload_too_large: { type: "invalid_request_error", code: "request_too_large" },
  unauthorized: { type: "authentication_error", code: "invalid_api_key" },
  forbidden: { type: "permission_error", code: "api_access_disabled" },
  not_found: { type: "invalid_request_error", code: "model_not_found" },
  conflict: { type: "invalid_request_error", code: "conflict" },
  rate_limited: { type: "rate_limit_error", code: "rate_limit_exceeded" },
  upstream: { type: "api_error", code: "upstream_error" },
  upstream_timeout: { type: "api_error", code: "upstream_timeout" },
  unavailable: { type: "api_error", code: "service_unavailable" },
  internal: { type: "api_error", code: "internal_error" },
};

export type OpenAiErrorBody = { error: { message: string; type: string; param: string | null; code: string | null } };

export function openAiErrorBody(error: AppError): OpenAiErrorBody {
  const mapped = TYPES[error.code] ?? { type: "api_error", code: null };
  const param = error.fields ? (Object.keys(error.fields)[0] ?? null) : null;
  return { error: { message: error.message, type: mapped.type, param: param === "_" ? null : param, code: mapped.code } };
}

export function openAiErrorResponse(error: unknown): Response {
  const appError = toAppError(error);
  // OpenAI answers a request that does not validate with 400 (its SDKs do not expect a 422).
  const status = appError.code === "validation" ? 400 : appError.status;
  return Response.json(openAiErrorBody(appError), { status, headers: appError.headers });
}

/**
 * A failed model call as an API error. Said once per failure (it logs a line with a reference).
 * An upstream 400/422 is the request's fault (for example a tool schema the server refuses): 400.
 */
export function modelCallError(error: unknown, endpoint: EndpointConfig): AppError {
  const secrets = endpointSecrets(endpoint);
  const { status } = describeModelError(error, endpoint, secrets);
  const reported = reportModelError(error, endpoint, secrets);
  if (reported.kind === "rate_limited") return new AppError("rate_limited", reported.message, { headers: { "Retry-After": "5" }, cause: error });
  if (reported.kind === "timeout" || reported.kind === "idle") return new AppError("upstream_timeout", reported.message, { cause: error });
  if (reported.kind === "upstream" && (status === 400 || status === 422)) {
    return new AppError("bad_request", `The model server refused the request as invalid (HTTP ${status}). Check the messages, tools and settings you sent. ${reported.message.slice(reported.message.indexOf("(Reference"))}`, { cause: error });
  }
  return new AppError("upstream", reported.message, { cause: error });
}
