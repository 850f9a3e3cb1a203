import { describe, expect, it } from "vitest";
import { checkSessionVersion } from "@/lib/auth/session-version";

const claims = { userId: "u1", sessionVersion: 3 };

describe("checkSessionVersion", () => {
  it("accepts a token whose version matches an enabled user", () => {
    expect(checkSessionVersion(claims, { id: "u1", sessionVersion: 3, disabledAt: null })).toBe("valid");
  });
  it("refuses a token after sign-out bumped the version", () => {
    expect(checkSessionVersion(claims, { id: "u1", sessionVersion: 4, disabledAt: null })).toBe("revoked");
  });
  it("refuses a disabled user even with the right version", () => {
    expect(checkSessionVersion(claims, { id: "u1", sessionVersion: 3, disabledAt: new Date() })).toBe("disabled");
  });
  it("refuses a deleted or different user", () => {
    expect(checkSessionVersion(claims, null)).toBe("unknown_user");
    expect(checkSessionVersion(claims, { id: "u2", sessionVersion: 3, disabledAt: null })).toBe("unknown_user");
  });
});
