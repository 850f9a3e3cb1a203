import { describe, expect, it } from "vitest";
import { redactSecrets, redactValue } from "@/lib/ai/tools/redact";

describe("redactSecrets", () => {
  it("removes the secret as typed, URL-encoded and JSON-escaped", () => {
    expect(redactSecrets("GET http://x/?key=s3cr3t+k3y and s3cr3t%2Bk3y", ["s3cr3t+k3y"])).toBe("GET http://x/?key=[redacted] and [redacted]");
    expect(redactSecrets('{"echo":"ab\\"cd-key"}', ['ab"cd-key'])).toBe('{"echo":"[redacted]"}');
  });

  it("leaves text alone when there is no secret worth matching", () => {
    expect(redactSecrets("abc", ["ab"])).toBe("abc");
    expect(redactSecrets("abc", [null, undefined, ""])).toBe("abc");
  });
});

describe("redactValue", () => {
  it("walks objects and arrays, keys included, and keeps other values", () => {
    const secret = "pk-live-12345678";
    const echoed = { headers: { "x-api-key": secret }, seen: [`Bearer ${secret}`, 42, true, null], [secret]: "as a key" };
    expect(redactValue(echoed, [secret])).toEqual({ headers: { "x-api-key": "[redacted]" }, seen: ["Bearer [redacted]", 42, true, null], "[redacted]": "as a key" });
  });

  it("returns the same value when there is no secret", () => {
    const value = { a: "b" };
    expect(redactValue(value, [null])).toBe(value);
  });
});
