import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";

let assertSameOrigin: typeof import("@/lib/http/same-origin").assertSameOrigin;

beforeAll(async () => {
  process.env.APP_URL = "https://chat.example.com";
  process.env.AUTH_SECRET ??= "x".repeat(40);
  process.env.SECRETS_KEY ??= Buffer.alloc(32, 7).toString("base64");
  ({ assertSameOrigin } = await import("@/lib/http/same-origin"));
});

function request(method: string, headers: Record<string, string>) {
  return new Request("http://10.0.0.5:3000/api/assistants", { method, headers: { host: "10.0.0.5:3000", ...headers } });
}

function refused(req: Request): AppError | null {
  try {
    assertSameOrigin(req);
    return null;
  } catch (error) {
    return error as AppError;
  }
}

describe("assertSameOrigin", () => {
  it("refuses a POST, PUT, PATCH or DELETE from a page of another origin, with a 403 sentence", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const error = refused(request(method, { origin: "https://evil.example.com" }));
      expect(error?.status, method).toBe(403);
      expect(error?.message).toBe("This request came from another site, so Switchboard refused it. Open Switchboard itself and try again.");
    }
  });

  it("refuses a sibling subdomain (Sec-Fetch-Site: same-site) and a cross-site request even without Origin", () => {
    expect(refused(request("POST", { origin: "https://files.example.com", "sec-fetch-site": "same-site" }))?.status).toBe(403);
    expect(refused(request("POST", { "sec-fetch-site": "cross-site" }))?.status).toBe(403);
    expect(refused(request("POST", { origin: "null" }))?.status).toBe(403);
  });

  it("lets through the app's own origin (APP_URL or the Host it was reached on), reads, and clients that are not browsers", () => {
    expect(refused(request("POST", { origin: "https://chat.example.com", "sec-fetch-site": "same-origin" }))).toBeNull();
    expect(refused(request("PATCH", { origin: "http://10.0.0.5:3000" }))).toBeNull();
    expect(refused(request("GET", { origin: "https://evil.example.com", "sec-fetch-site": "cross-site" }))).toBeNull();
    expect(refused(request("POST", {}))).toBeNull();
  });
});
