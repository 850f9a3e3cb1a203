import { describe, expect, it } from "vitest";
import { cachedDocumentBytes, MAX_CACHED_BYTES, parseActionDocument } from "@/lib/ai/actions/parsed-documents";

/** A small valid OpenAPI document, padded with a long description to the wanted size. */
function documentOfSize(bytes: number, id: number): string {
  const head = { openapi: "3.0.3", info: { title: `Doc ${id}`, version: "1", description: "" }, paths: { "/x": { get: { operationId: `getX${id}`, responses: { "200": { description: "ok" } } } } } };
  const base = JSON.stringify(head).length;
  head.info.description = "d".repeat(Math.max(0, bytes - base));
  return JSON.stringify(head);
}

describe("parseActionDocument's cache", () => {
  it("stays within its byte budget however many large documents pass through, and still answers each", async () => {
    // 40 documents of 1.9 MB would hold far more than the budget if the cache counted entries.
    for (let id = 0; id < 40; id += 1) {
      const parsed = await parseActionDocument(documentOfSize(1_900_000, id));
      expect(parsed).toBeTruthy();
      expect(cachedDocumentBytes()).toBeLessThanOrEqual(MAX_CACHED_BYTES);
    }
    expect(cachedDocumentBytes()).toBeGreaterThan(MAX_CACHED_BYTES / 2);
  });

  it("answers the same text from the cache (the same parsed result)", async () => {
    const text = documentOfSize(10_000, 1000);
    expect(await parseActionDocument(text)).toBe(await parseActionDocument(text));
  });
});
