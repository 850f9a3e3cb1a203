import { describe, expect, it } from "vitest";
import { redactSecrets, redactValue } from "@/lib/ai/tools/redact";

describe("redactSecrets", () => {
  it("removes the secret as typed, URL-encoded and JSON-escaped", () => {
    expect(redactSecrets("GET http://x/?key=s3cr3t+k3y and s3cr3t%2Bk3y", ["s3cr3t+k3y"])).toBe("GET http://x/?key=[redacted] and [redacted]");
    expect(redactSecrets('{"echo":"ab\\"cd-key"}', ['ab"cd-key'])).toBe('{"echo":"[redacted]"}');
  });

  // What APIs echo back: form encoding (application/x-www-form-urlencoded, Python's quote_plus, PHP's
  // urlencode), RFC 3986 encoders that also encode !'()*~, lowercase hex, encoded letters, double encoding.
  it.each([
    ["form-encoded, + for space and %21 %28 %29 %7E", "key=my+key%21%28v1%29%7Eok", "key=[redacted]"],
    ["percent-encoded with lowercase hex", "key=my%20key%21%28v1%29%7eok", "key=[redacted]"],
    ["with every character percent-encoded", `q=${[...Buffer.from("my key!(v1)~ok")].map((b) => `%${b.toString(16).toUpperCase()}`).join("")}&x=1`, "q=[redacted]&x=1"],
    ["mixing spellings character by character", "my%20key!%28v1)~ok", "[redacted]"],
    ["double-encoded", "next=%2Fcb%3Fkey%3Dmy%2520key%2521%2528v1%2529%257Eok", "next=%2Fcb%3Fkey%3D[redacted]"],
    ["JSON-escaped as \\u sequences", '{"k":"my\\u0020key\\u0021(v1)\\u007eok"}', '{"k":"[redacted]"}'],
  ])("removes the secret %s", (_label, echoed, expected) => {
    expect(redactSecrets(echoed, ["my key!(v1)~ok"])).toBe(expected);
  });

  it("removes a non-ASCII secret in its UTF-8 percent-encoding", () => {
    expect(redactSecrets("t=cl%C3%A9-s%c3%a9cr%C3%A8te", ["clé-sécrète"])).toBe("t=[redacted]");
  });

  it("keeps text that only looks alike", () => {
    expect(redactSecrets("my key!(v1)~o", ["my key!(v1)~ok"])).toBe("my key!(v1)~o");
    expect(redactSecrets("MY KEY!(V1)~OK", ["my key!(v1)~ok"])).toBe("MY KEY!(V1)~OK");
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
