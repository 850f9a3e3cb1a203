import { describe, expect, it } from "vitest";
import { originChanged, secretsToReenter } from "@/lib/ai/secrets-follow-origin";

const keep = { hasStoredKey: true, newKeyGiven: false, removeKey: false, headersKeptWithoutValue: [] };

describe("secretsToReenter", () => {
  it("lets a path change on the same server keep the key", () => {
    expect(secretsToReenter("http://gpu:8000/v1", "http://gpu:8000/openai/v1", keep)).toBeNull();
  });

  it("asks for the key again when the host, port or scheme changes", () => {
    for (const to of ["http://other:8000/v1", "http://gpu:8001/v1", "https://gpu:8000/v1"]) {
      expect(originChanged("http://gpu:8000/v1", to)).toBe(true);
      expect(secretsToReenter("http://gpu:8000/v1", to, keep)?.apiKey).toMatch(/enter the API key again/);
    }
  });

  it("accepts a move with a new key or the key removed, and asks for kept header values", () => {
    expect(secretsToReenter("http://a/v1", "http://b/v1", { ...keep, newKeyGiven: true })).toBeNull();
    expect(secretsToReenter("http://a/v1", "http://b/v1", { ...keep, removeKey: true })).toBeNull();
    const headers = secretsToReenter("http://a/v1", "http://b/v1", { ...keep, hasStoredKey: false, headersKeptWithoutValue: ["X-Token"] });
    expect(headers).toEqual({ headers: "The server's address changed: enter the value of “X-Token” again, or remove the header." });
  });
});
