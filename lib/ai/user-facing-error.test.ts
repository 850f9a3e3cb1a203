// Chat users are told what failed without the endpoint's URL or host, with a reference that the
// log line carrying the full cause repeats.
import { APICallError } from "ai";
import { describe, expect, it } from "vitest";
import { StreamIdleError } from "@/lib/ai/idle-timeout";
import { reportModelError } from "@/lib/ai/user-facing-error";

const endpoint = { name: "GPU box", baseUrl: "http://gpu-box.corp.internal:8000/v1" };

function apiError(status: number, body: string) {
  return new APICallError({ message: "x", url: `${endpoint.baseUrl}/chat/completions`, requestBodyValues: {}, statusCode: status, responseBody: body });
}

const cases: Array<[string, unknown, RegExp]> = [
  ["a refused key", apiError(401, JSON.stringify({ error: { message: "Invalid key for gpu-box.corp.internal" } })), /refused Switchboard's credentials/],
  ["a 500 whose body names the host", apiError(500, "upstream gpu-box.corp.internal:8000 crashed"), /answered with an error/],
  [
    "a refused connection",
    new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED 10.0.0.7:8000"), { code: "ECONNREFUSED" }) }),
    /did not answer/,
  ],
  ["no answer in time", new DOMException("No response within 5 s", "TimeoutError"), /did not answer in time/],
  ["a model that went silent", new StreamIdleError(60_000), /stopped responding/],
];

describe("reportModelError", () => {
  it.each(cases)("words %s without the endpoint's URL or host, with a reference the log repeats", (_name, error, sentence) => {
    const lines: string[] = [];
    const reported = reportModelError(error, endpoint, [], (line) => lines.push(line));
    expect(reported.message).toMatch(sentence);
    for (const leak of ["gpu-box", "corp.internal", "8000", "10.0.0.7", "http", "GPU box"]) expect(reported.message).not.toContain(leak);
    expect(reported.reference).toMatch(/^[0-9A-F]{8}$/);
    expect(reported.message).toContain(`(Reference ${reported.reference}.)`);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`reference ${reported.reference}`);
    expect(lines[0]).toContain(endpoint.baseUrl);
  });

  it("logs the upstream's status and words for the admin, and a new reference per failure", () => {
    const lines: string[] = [];
    const first = reportModelError(apiError(503, JSON.stringify({ error: { message: "engine overloaded" } })), endpoint, [], (line) => lines.push(line));
    const second = reportModelError(apiError(503, "{}"), endpoint, [], (line) => lines.push(line));
    expect(lines[0]).toContain(`503 from ${endpoint.baseUrl}/chat/completions: engine overloaded`);
    expect(first.reference).not.toBe(second.reference);
  });

  it("keeps secrets out of the log line", () => {
    const lines: string[] = [];
    reportModelError(apiError(401, JSON.stringify({ error: { message: "bad key my-very-secret-value" } })), endpoint, ["my-very-secret-value"], (line) => lines.push(line));
    expect(lines[0]).not.toContain("my-very-secret-value");
  });
});
