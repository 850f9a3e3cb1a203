// The one way a route reads a JSON body: refuses a body that is not declared JSON (415), larger than the
// route's cap (413, counted while reading, whatever Content-Length says), not valid JSON (400), or holding
// text PostgreSQL cannot store (a NUL character, or a lone UTF-16 surrogate: 400); then validates it with
// the route's zod schema (422).
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { unstorableTextReason } from "@/lib/schemas/storable-text";

const KB = 1024;
const MB = 1024 * KB;

/** Body caps per kind of route, in bytes. */
export const BODY_LIMITS = {
  /** One chat turn (the message text and a few ids). */
  chat: 128 * KB,
  /** A builder preview: settings and up to 40 messages of 32,000 characters. */
  preview: 2 * MB,
  /** One OpenAPI document to parse (2 MB, JSON-escaped). */
  openApiParse: 2 * MB + 64 * KB,
  /** An assistant save or import: up to five 2 MB action documents and a 256 KB image. */
  assistant: 11 * MB,
  /** An OpenAI-compatible API request: a whole conversation, images as data URLs included. */
  api: 20 * MB,
  /** Anything else (settings, renames, feedback...). */
  default: 64 * KB,
} as const;

function formatBytes(bytes: number): string {
  return bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / KB)} KB`;
}

function tooLarge(limit: number): AppError {
  return new AppError("payload_too_large", `The request is larger than ${formatBytes(limit)}, the most this kind of request accepts. Send less and try again.`);
}

/** The body as text, at most `limit` bytes (413 past it), for routes whose body is not JSON (the sign-in form). */
export async function readCapped(req: Request, limit: number): Promise<string> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** Throws 400 when any string (or key) in the parsed body holds a NUL or a lone surrogate. */
function assertStorableText(value: unknown): void {
  if (typeof value === "string") {
    const reason = unstorableTextReason(value);
    if (reason) throw new AppError("bad_request", reason);
  } else if (Array.isArray(value)) {
    for (const item of value) assertStorableText(item);
  } else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      assertStorableText(key);
      assertStorableText(item);
    }
  }
}

/** True for `application/json` with or without parameters (`; charset=utf-8`). */
function isJsonContentType(value: string | null): boolean {
  return value !== null && value.split(";")[0]!.trim().toLowerCase() === "application/json";
}

/**
 * Reads, checks and validates a JSON request body.
 * @param limit the body cap in bytes (one of BODY_LIMITS).
 */
export async function readJson<S extends z.ZodType>(req: Request, schema: S, limit: number = BODY_LIMITS.default): Promise<z.infer<S>> {
  if (!isJsonContentType(req.headers.get("content-type"))) {
    throw new AppError("unsupported_media_type", "Send the request body as JSON, with the header Content-Type: application/json.");
  }
  const text = await readCapped(req, limit);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
  assertStorableText(body);
  return schema.parse(body);
}
