import "server-only";
// Turns anything a model call throws into a sentence a person can act on: which endpoint, what it
// said, what to do. Never includes an API key (upstream bodies are scrubbed of anything key-like).
import { APICallError, RetryError } from "ai";
import { StreamIdleError } from "@/lib/ai/idle-timeout";
import { redactSecrets } from "@/lib/ai/tools/redact";

export type ModelErrorKind = "auth" | "unreachable" | "timeout" | "idle" | "rate_limited" | "not_found" | "upstream" | "dropped" | "unknown";

export type ModelFailure = { kind: ModelErrorKind; status?: number; message: string };

type EndpointRef = { name: string; baseUrl: string };

const MAX_BODY = 200;

/** Removes bearer tokens and key-looking strings from text that came from upstream. */
export function scrubSecrets(text: string, secrets: string[] = []): string {
  return redactSecrets(text, secrets)
    .replace(/Bearer\s+[A-Za-z0-9._~+/=-]+/gi, "Bearer [redacted]")
    .replace(/\b(sk|nvapi|key|api)[-_][A-Za-z0-9_*.-]{6,}/gi, "[redacted]");
}

function upstreamDetail(body: string | undefined): string {
  if (!body) return "";
  let text = body;
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === "object") {
      const error = "error" in parsed ? parsed.error : undefined;
      if (typeof error === "string") text = error;
      else if (error && typeof error === "object" && "message" in error && typeof error.message === "string") text = error.message;
      else if ("message" in parsed && typeof parsed.message === "string") text = parsed.message;
      else if ("detail" in parsed && typeof parsed.detail === "string") text = parsed.detail;
    }
  } catch {
    // Not JSON: show the start of the text.
  }
  text = text.replace(/\s+/g, " ").trim();
  return text.length > MAX_BODY ? `${text.slice(0, MAX_BODY)}…` : text;
}

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth += 1) {
    if ("code" in current && typeof current.code === "string") return current.code;
    current = "cause" in current ? current.cause : undefined;
  }
  return undefined;
}

function findIdle(error: unknown): StreamIdleError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth += 1) {
    if (StreamIdleError.isInstance(current)) return current;
    current = "cause" in current ? current.cause : undefined;
  }
  return undefined;
}

function isTimeout(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth += 1) {
    if ("name" in current && current.name === "TimeoutError") return true;
    current = "cause" in current ? current.cause : undefined;
  }
  return false;
}

const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name could not be resolved",
  ECONNRESET: "connection reset",
  EHOSTUNREACH: "host unreachable",
  ETIMEDOUT: "connection timed out",
  UND_ERR_CONNECT_TIMEOUT: "connection timed out",
  UND_ERR_SOCKET: "connection closed",
};

export function describeModelError(error: unknown, endpoint: EndpointRef, secrets: string[] = []): ModelFailure {
  const inner = RetryError.isInstance(error) ? (error.lastError ?? error) : error;
  // The body went silent mid-answer for the endpoint's idle timeout (lib/ai/idle-timeout.ts).
  const idle = findIdle(inner);
  if (idle) {
    return {
      kind: "idle",
      message: `The model stopped responding (nothing for ${Math.round(idle.idleMs / 1000)} s), so the answer ends here; what arrived is kept. Try again; if it keeps happening, tell your admin.`,
    };
  }
  // A 2xx whose body broke off: the answer had started, and the connection was cut mid-stream.
  if (APICallError.isInstance(inner) && inner.statusCode !== undefined && inner.statusCode < 300) {
    return {
      kind: "dropped",
      status: inner.statusCode,
      message: `The connection to the “${endpoint.name}” endpoint was cut off in the middle of the answer; what arrived is kept. Try again; if it keeps happening, tell your admin.`,
    };
  }
  if (APICallError.isInstance(inner) && inner.statusCode !== undefined) {
    const status = inner.statusCode;
    const detail = scrubSecrets(upstreamDetail(inner.responseBody), secrets);
    const where = `${status} from ${inner.url}`;
    // The upstream's sentence is followed by ours, so its final full stop goes.
    const said = detail ? `: ${detail.replace(/[.\s]+$/, "")}` : "";
    if (status === 401 || status === 403) {
      return { kind: "auth", status, message: `${where}${said}. Check the API key of the “${endpoint.name}” endpoint.` };
    }
    if (status === 404) {
      return { kind: "not_found", status, message: `${where}${said}. The model or URL may be wrong on the “${endpoint.name}” endpoint.` };
    }
    if (status === 429) {
      return { kind: "rate_limited", status, message: `${where}${said}. The endpoint is rate limiting; try again in a moment.` };
    }
    return { kind: "upstream", status, message: `${where}${said}. Try again; if it keeps failing, tell your admin.` };
  }
  if (isTimeout(inner)) {
    return { kind: "timeout", message: `The “${endpoint.name}” endpoint at ${endpoint.baseUrl} did not answer in time. Try again, or ask your admin to check it.` };
  }
  const code = causeCode(inner);
  if (code && NETWORK_WORDS[code]) {
    return {
      kind: "unreachable",
      message: `The “${endpoint.name}” endpoint is unreachable at ${endpoint.baseUrl} (${NETWORK_WORDS[code]}). Ask your admin to check that the server is running.`,
    };
  }
  if (inner instanceof TypeError && /fetch failed|network/i.test(inner.message)) {
    return {
      kind: "unreachable",
      message: `The “${endpoint.name}” endpoint is unreachable at ${endpoint.baseUrl}. Ask your admin to check that the server is running.`,
    };
  }
  const text = inner instanceof Error ? scrubSecrets(inner.message, secrets).slice(0, MAX_BODY) : "";
  return {
    kind: "unknown",
    message: `The “${endpoint.name}” endpoint failed${text ? `: ${text}` : ""}. Try again; if it keeps failing, tell your admin.`,
  };
}
