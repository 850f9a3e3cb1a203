import { describe, expect, it } from "vitest";
import { apiKeyMatches, bearerKey, generateApiKey, hashApiKey, prefixOfApiKey } from "@/lib/api/key-token";

describe("API key tokens", () => {
  it("are long random keys whose prefix is their first part", () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a.key).toMatch(/^sb_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(a.key.startsWith(`${a.prefix}_`)).toBe(true);
    expect(a.key).not.toBe(b.key);
    expect(a.prefix).not.toBe(b.prefix);
    expect(prefixOfApiKey(a.key)).toBe(a.prefix);
  });

  it("store only a hash of the key, which matches that key alone", () => {
    const { key, secretHash } = generateApiKey();
    expect(secretHash).toBe(hashApiKey(key));
    expect(secretHash).not.toContain(key.slice(12));
    expect(apiKeyMatches(key, secretHash)).toBe(true);
    expect(apiKeyMatches(`${key.slice(0, -1)}${key.endsWith("A") ? "B" : "A"}`, secretHash)).toBe(false);
    expect(apiKeyMatches(key, "abcd")).toBe(false);
  });

  it("refuse malformed keys before any lookup", () => {
    expect(prefixOfApiKey("sk-openai-style")).toBeNull();
    expect(prefixOfApiKey("sb_short_x")).toBeNull();
    expect(prefixOfApiKey(`${generateApiKey().key}x`)).toBeNull();
  });

  it("come from a Bearer authorization header", () => {
    expect(bearerKey("Bearer sb_abc")).toBe("sb_abc");
    expect(bearerKey("bearer  sb_abc ")).toBe("sb_abc");
    expect(bearerKey("Basic xyz")).toBeNull();
    expect(bearerKey(null)).toBeNull();
  });
});
