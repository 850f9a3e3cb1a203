import "server-only";
// Parsing an OpenAPI document validates and dereferences it, which is slow for a large one; the
// builder's check, the save and every turn of a chat ask for the same texts. Parsed once per
// distinct text (by hash), the last 100 kept. The results are shared: callers must not change them.
import { createHash } from "node:crypto";
import { parseOpenApiDocument, type ParsedOpenApi } from "@/lib/ai/actions/openapi";

const parsedDocuments = new Map<string, Promise<ParsedOpenApi>>();
const MAX_CACHED_DOCUMENTS = 100;

export function parseActionDocument(spec: string): Promise<ParsedOpenApi> {
  const key = createHash("sha256").update(spec).digest("hex");
  let parsed = parsedDocuments.get(key);
  if (!parsed) {
    if (parsedDocuments.size >= MAX_CACHED_DOCUMENTS) {
      const oldest = parsedDocuments.keys().next().value;
      if (oldest !== undefined) parsedDocuments.delete(oldest);
    }
    parsed = parseOpenApiDocument(spec);
    parsedDocuments.set(key, parsed);
  }
  return parsed;
}
