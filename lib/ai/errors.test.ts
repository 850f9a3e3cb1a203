import { APICallError, RetryError } from "ai";
import { describe, expect, it } from "vitest";
import { describeModelError, scrubSecrets } from "@/lib/ai/errors";

const endpoint = { name: "Local", baseUrl: "http://127.0.0.1:4010/v1" };

function apiError(status: number, body: string) {
  return new APICallError({ message: "x", url: "http://127.0.0.1:4010/v1/chat/completions", requestBodyValues: {}, statusCode: status, responseBody: body });
}

describe("describeModelError", () => {
  it("words a 401 with the URL, the upstream's message and what to do", () => {
    const failure = describeModelError(apiError(401, JSON.stringify({ error: { message: "Incorrect API key provided: sk-abc***xyz" } })), endpoint);
    expect(failure.kind).toBe("auth");
    expect(failure.status).toBe(401);
    expect(failure.message).toBe(
      "401 from http://127.0.0.1:4010/v1/chat/completions: Incorrect API key provided: [redacted]. Check the API key of the “Local” endpoint.",
    );
  });

  it("looks inside a RetryError and cuts long bodies", () => {
    const inner = apiError(500, "x".repeat(1000));
    const failure = describeModelError(new RetryError({ message: "retries", reason: "maxRetriesExceeded", errors: [inner] }), endpoint);
    expect(failure.kind).toBe("upstream");
    expect(failure.message.length).toBeLessThan(400);
    expect(failure.message).toMatch(/^500 from /);
  });

  it("says a stream cut off mid-answer was dropped, not that a 200 failed", () => {
    const cut = new APICallError({ message: "Failed to process successful response", url: "http://127.0.0.1:4010/v1/chat/completions", requestBodyValues: {}, statusCode: 200, cause: new TypeError("terminated") });
    const failure = describeModelError(cut, endpoint);
    expect(failure.kind).toBe("dropped");
    expect(failure.message).toBe("The connection to the “Local” endpoint was cut off in the middle of the answer; what arrived is kept. Try again; if it keeps happening, tell your admin.");
  });

  it("says an endpoint is unreachable on a refused connection", () => {
    const error = new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:4010"), { code: "ECONNREFUSED" }) });
    const failure = describeModelError(error, endpoint);
    expect(failure.kind).toBe("unreachable");
    expect(failure.message).toBe(
      "The “Local” endpoint is unreachable at http://127.0.0.1:4010/v1 (connection refused). Ask your admin to check that the server is running.",
    );
  });

  it("recognises a timeout", () => {
    const failure = describeModelError(new DOMException("No response within 5 s", "TimeoutError"), endpoint);
    expect(failure.kind).toBe("timeout");
  });
});

describe("scrubSecrets", () => {
  it("removes known secrets, bearer tokens and key-shaped strings", () => {
    expect(scrubSecrets("key my-secret-value here", ["my-secret-value"])).toBe("key [redacted] here");
    expect(scrubSecrets("Authorization: Bearer abc.def-ghi")).toBe("Authorization: Bearer [redacted]");
    expect(scrubSecrets("bad key sk-proj-ABCDEFGH12345")).toBe("bad key [redacted]");
    expect(scrubSecrets("nvapi-abcdefghijkl")).toBe("[redacted]");
  });
});
