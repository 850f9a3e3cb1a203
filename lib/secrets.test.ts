import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, SecretDecryptionError, secretHint } from "@/lib/secrets";

const key = randomBytes(32).toString("base64");
const otherKey = randomBytes(32).toString("base64");

describe("secrets helper", () => {
  it("round-trips, with a fresh IV each time", () => {
    const a = encryptSecret("sk-live-123456", key);
    const b = encryptSecret("sk-live-123456", key);
    expect(a).not.toBe(b);
    expect(a).not.toContain("sk-live");
    expect(decryptSecret(a, key)).toBe("sk-live-123456");
    expect(decryptSecret(encryptSecret("", key), key)).toBe("");
    expect(decryptSecret(encryptSecret("ключ🔑", key), key)).toBe("ключ🔑");
  });

  it("fails with the wrong key", () => {
    const sealed = encryptSecret("secret", key);
    expect(() => decryptSecret(sealed, otherKey)).toThrow(SecretDecryptionError);
  });

  it("fails when the ciphertext, IV or tag is tampered with", () => {
    const sealed = encryptSecret("secret value", key);
    const parts = sealed.split(".");
    for (const index of [1, 2, 3]) {
      const copy = [...parts];
      const bytes = Buffer.from(copy[index] ?? "", "base64url");
      bytes[0] = (bytes[0] ?? 0) ^ 0xff;
      copy[index] = bytes.toString("base64url");
      expect(() => decryptSecret(copy.join("."), key)).toThrow(SecretDecryptionError);
    }
    expect(() => decryptSecret("v2.a.b.c", key)).toThrow(/unknown format/);
    expect(() => decryptSecret("garbage", key)).toThrow(SecretDecryptionError);
  });

  it("refuses a key of the wrong size", () => {
    expect(() => encryptSecret("x", Buffer.alloc(16).toString("base64"))).toThrow(/32 bytes/);
  });

  it("hints only the last 4 characters", () => {
    expect(secretHint("sk-abcdefgh1234")).toBe("••••1234");
    expect(secretHint("abc")).toBe("••••");
  });
});
