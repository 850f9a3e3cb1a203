import { describe, expect, it } from "vitest";
import { apiKeyState } from "@/lib/api/key-state";

const now = new Date("2026-12-02T12:00:00Z");

describe("apiKeyState", () => {
  it("is active with no expiry, or before it", () => {
    expect(apiKeyState({ expiresAt: null, revokedAt: null }, now)).toBe("active");
    expect(apiKeyState({ expiresAt: "2026-12-02T12:00:01Z", revokedAt: null }, now)).toBe("active");
  });

  it("is expired from the expiry instant on, as the API refuses it", () => {
    expect(apiKeyState({ expiresAt: "2026-12-02T12:00:00Z", revokedAt: null }, now)).toBe("expired");
    expect(apiKeyState({ expiresAt: "2026-01-01T00:00:00Z", revokedAt: null }, now)).toBe("expired");
  });

  it("says revoked for a revoked key, expired or not", () => {
    expect(apiKeyState({ expiresAt: null, revokedAt: "2026-12-01T00:00:00Z" }, now)).toBe("revoked");
    expect(apiKeyState({ expiresAt: "2026-01-01T00:00:00Z", revokedAt: "2026-12-01T00:00:00Z" }, now)).toBe("revoked");
  });
});
