import "server-only";
// Parsing an OpenAPI document validates and dereferences it, which is slow for a large one; the
// builder's check, the save and every turn of a chat ask for the same texts. Parsed once per
// distinct text (by hash) and kept in an LRU bounded by bytes, not entries: a hundred 2 MB documents
// would otherwise hold hundreds of MB. The results are shared: callers must not change them.
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import { parseOpenApiDocument, type ParsedOpenApi } from "@/lib/ai/actions/openapi";

/** Budget of the cache, counted as PARSED_WEIGHT × the document's UTF-8 bytes. */
export const MAX_CACHED_BYTES = 64 * 1024 * 1024;
/** A parsed, dereferenced document weighs a few times its text (objects, shared subtrees expanded). */
const PARSED_WEIGHT = 4;

// A document too large for the whole budget on its own is parsed but not kept.
const parsedDocuments = new LRUCache<string, Promise<ParsedOpenApi>>({ maxSize: MAX_CACHED_BYTES });

export function parseActionDocument(spec: string): Promise<ParsedOpenApi> {
  const key = createHash("sha256").update(spec).digest("hex");
  let parsed = parsedDocuments.get(key);
  if (!parsed) {
    parsed = parseOpenApiDocument(spec);
    parsedDocuments.set(key, parsed, { size: Math.max(1, Buffer.byteLength(spec) * PARSED_WEIGHT) });
  }
  return parsed;
}

/** Bytes the cache counts now (for tests and diagnostics). */
export function cachedDocumentBytes(): number {
  return parsedDocuments.calculatedSize;
}
