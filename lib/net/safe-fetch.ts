import "server-only";
// The one HTTP client for requests a tool makes on a model's behalf. The address check runs where
// the socket is opened (node:http's `lookup` hook sees every resolved address), so a name that
// resolves to a public address once and to 127.0.0.1 the next time can't slip through; IP-literal
// hosts, which Node connects to without a lookup, are checked before the request starts. Redirects
// are followed by hand so every hop gets the same checks.
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { forbiddenAddressReason, isAllowedPrivateHost, neverAllowedAddressReason, parseHostLiteral } from "@/lib/net/address-policy";

export type SafeFetchErrorCode =
  | "bad_url"
  | "bad_scheme"
  | "blocked_address"
  | "too_many_redirects"
  | "timeout"
  | "too_large"
  | "network";

/** Its message is a sentence safe to show to the user and the model; it never contains the query string. */
export class SafeFetchError extends Error {
  override name = "SafeFetchError";
  readonly code: SafeFetchErrorCode;

  constructor(code: SafeFetchErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
  }
}

export type SafeFetchOptions = {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Bytes of response body kept; the rest is not read. Default 2 MB. */
  maxBytes?: number;
  /** "truncate" (default) returns the first maxBytes with `truncated: true`; "error" throws too_large. */
  ifTooLarge?: "truncate" | "error";
  /** Budget for the whole exchange, redirects and body included. Default 10 s. */
  timeoutMs?: number;
  maxRedirects?: number;
  /**
   * Admin-approved "host" or "host:port" entries that may resolve to private addresses. A redirect
   * from such a host to one that is not listed is checked as usual.
   */
  allowPrivateHosts?: readonly string[];
};

export type SafeFetchResponse = {
  status: number;
  headers: Record<string, string>;
  /** The URL of the last hop, after redirects. */
  url: string;
  body: Buffer;
  truncated: boolean;
};

const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
// Computed per hop or forced (identity: we don't decompress, and a gzip bomb can't pass the size cap).
const MANAGED_HEADERS = new Set(["host", "connection", "content-length", "transfer-encoding", "accept-encoding"]);

type Hop = { url: URL; method: string; headers: Record<string, string>; body: Buffer | undefined };
type HopResult = { kind: "redirect"; status: number; location: string } | { kind: "done"; response: SafeFetchResponse };
type Limits = { maxBytes: number; ifTooLarge: "truncate" | "error"; deadline: AbortSignal };

export async function safeFetch(url: string, options: SafeFetchOptions = {}): Promise<SafeFetchResponse> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const allowlist = options.allowPrivateHosts ?? [];
  const limits: Limits = {
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    ifTooLarge: options.ifTooLarge ?? "truncate",
    deadline: AbortSignal.timeout(timeoutMs),
  };
  let hop: Hop = {
    url: parseUrl(url),
    method: (options.method ?? "GET").toUpperCase(),
    headers: callerHeaders(options.headers),
    body: options.body === undefined ? undefined : Buffer.from(options.body),
  };
  for (let redirects = 0; ; redirects++) {
    const result = await requestHop(hop, allowlist, limits, timeoutMs);
    if (result.kind === "done") return result.response;
    if (redirects >= maxRedirects) {
      throw new SafeFetchError("too_many_redirects", `Stopped after ${maxRedirects} redirects: the server kept redirecting.`);
    }
    hop = nextHop(hop, result.status, result.location);
  }
}

function parseUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw new SafeFetchError("bad_url", "That is not a valid URL.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new SafeFetchError("bad_scheme", `Refused to fetch a ${url.protocol} URL: only http:// and https:// URLs are allowed.`);
  }
  return url;
}

function callerHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!MANAGED_HEADERS.has(name.toLowerCase())) kept[name.toLowerCase()] = value;
  }
  return kept;
}

/** Browser rules for the method; caller headers (which may carry credentials) stay with their origin. */
function nextHop(previous: Hop, status: number, location: string): Hop {
  const url = parseUrl(location, previous.url);
  const becomesGet = (status === 303 && previous.method !== "HEAD") || ((status === 301 || status === 302) && previous.method === "POST");
  const sameOrigin = url.origin === previous.url.origin;
  const headers = sameOrigin ? { ...previous.headers } : {};
  if (becomesGet) delete headers["content-type"];
  return { url, method: becomesGet ? "GET" : previous.method, headers, body: becomesGet ? undefined : previous.body };
}

function defaultPort(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
}

function refusal(host: string, address: string, reason: string): SafeFetchError {
  const target = host === address ? address : `${host} (${address})`;
  return new SafeFetchError("blocked_address", `Refused to connect to ${target}: ${reason} are not allowed.`);
}

type AddressCheck = (address: string) => string | null;

/** Resolves like the default lookup, but fails the connection if `check` refuses any resolved address. */
function guardedLookup(check: AddressCheck): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const first = addresses[0];
      if (!first) return callback(new SafeFetchError("network", `Could not resolve ${hostname}.`), "", 0);
      // Refusing on any bad answer (not just skipping it) stops a name that mixes public and private
      // records from reaching the private one through a fallback attempt.
      for (const { address } of addresses) {
        const reason = check(address);
        if (reason) return callback(refusal(hostname, address, reason), "", 0);
      }
      if (options.all) return callback(null, addresses);
      callback(null, first.address, first.family);
    });
  };
}

function requestHop(hop: Hop, allowlist: readonly string[], limits: Limits, timeoutMs: number): Promise<HopResult> {
  const { url } = hop;
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  // An allow-listed host may be private or loopback, but never link-local or metadata, whatever it
  // resolves to: the same connect-time check runs, with only those ranges refused.
  const check: AddressCheck = isAllowedPrivateHost(url.hostname, defaultPort(url), allowlist) ? neverAllowedAddressReason : forbiddenAddressReason;
  const literal = parseHostLiteral(url.hostname);
  if (literal !== null) {
    const reason = check(literal);
    if (reason) return Promise.reject(refusal(literal, literal, reason));
  }
  if (limits.deadline.aborted) return Promise.reject(timeoutError(host, timeoutMs));

  return new Promise<HopResult>((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const headers: Record<string, string> = { "user-agent": "Switchboard/1.0", ...hop.headers, "accept-encoding": "identity" };
    if (hop.body) headers["content-length"] = String(hop.body.length);
    let request: http.ClientRequest;
    try {
      request = client.request(url, {
        method: hop.method,
        headers,
        // A fresh agent per hop: a pooled keep-alive socket opened under one allowlist must never
        // serve a request made under another.
        agent: false,
        lookup: guardedLookup(check),
      });
    } catch (error) {
      // Node validates the method and header values synchronously.
      reject(toSafeFetchError(error, host));
      return;
    }

    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      limits.deadline.removeEventListener("abort", onDeadline);
      action();
    };
    const fail = (error: unknown) => settle(() => reject(toSafeFetchError(error, host)));
    function onDeadline() {
      request.destroy();
      settle(() => reject(timeoutError(host, timeoutMs)));
    }
    limits.deadline.addEventListener("abort", onDeadline, { once: true });

    request.on("error", fail);
    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (REDIRECT_STATUSES.has(status) && location) {
        response.destroy();
        settle(() => resolve({ kind: "redirect", status, location }));
        return;
      }
      const chunks: Buffer[] = [];
      let received = 0;
      const finish = (truncated: boolean) =>
        settle(() =>
          resolve({
            kind: "done",
            response: { status, headers: flattenHeaders(response.headers), url: url.href, body: Buffer.concat(chunks), truncated },
          }),
        );
      response.on("data", (chunk: Buffer) => {
        if (received + chunk.length <= limits.maxBytes) {
          chunks.push(chunk);
          received += chunk.length;
          return;
        }
        response.destroy();
        if (limits.ifTooLarge === "error") {
          settle(() => reject(new SafeFetchError("too_large", `The response from ${host} is larger than the ${formatBytes(limits.maxBytes)} limit.`)));
          return;
        }
        chunks.push(chunk.subarray(0, limits.maxBytes - received));
        finish(true);
      });
      response.on("end", () => finish(false));
      response.on("error", fail);
      response.on("close", () => fail(new SafeFetchError("network", `The connection to ${host} closed before the response was complete.`)));
    });
    request.end(hop.body);
  });
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

function timeoutError(host: string, timeoutMs: number): SafeFetchError {
  return new SafeFetchError("timeout", `The request to ${host} timed out after ${timeoutMs / 1000} seconds.`);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${+(bytes / (1024 * 1024)).toFixed(1)} MB` : `${+(bytes / 1024).toFixed(1)} KB`;
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: "the connection was refused",
  ECONNRESET: "the connection was reset",
  ENOTFOUND: "the host name does not resolve",
  EAI_AGAIN: "the host name could not be resolved right now",
  EHOSTUNREACH: "the host is unreachable",
  ENETUNREACH: "the network is unreachable",
  ETIMEDOUT: "the connection timed out",
  CERT_HAS_EXPIRED: "its TLS certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "its TLS certificate is self-signed",
  ERR_TLS_CERT_ALTNAME_INVALID: "its TLS certificate is for a different host",
  ERR_INVALID_CHAR: "a request header value contains an invalid character",
  ERR_INVALID_HTTP_TOKEN: "the request method or a header name is invalid",
};

function toSafeFetchError(error: unknown, host: string): SafeFetchError {
  if (error instanceof SafeFetchError) return error;
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  const reason = NETWORK_REASONS[code] ?? (code ? `network error ${code}` : "a network error occurred");
  return new SafeFetchError("network", `Could not fetch from ${host}: ${reason}.`, { cause: error });
}
