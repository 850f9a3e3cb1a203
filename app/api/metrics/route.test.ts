import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const TOKEN = "metrics-token-for-the-route-test";

// The route reads METRICS_TOKEN through getEnv(), which caches: each test loads fresh modules.
async function loadRoute(token: string | undefined) {
  vi.resetModules();
  vi.stubEnv("AUTH_SECRET", "x".repeat(40));
  vi.stubEnv("SECRETS_KEY", Buffer.alloc(32, 7).toString("base64"));
  vi.stubEnv("METRICS_TOKEN", token ?? "");
  return import("@/app/api/metrics/route");
}

const get = (route: Awaited<ReturnType<typeof loadRoute>>, authorization?: string) =>
  route.GET(new Request("http://localhost/api/metrics", authorization ? { headers: { authorization } } : {}));

beforeEach(() => vi.unstubAllEnvs());
afterEach(() => vi.unstubAllEnvs());

describe("GET /api/metrics", () => {
  it("does not exist when METRICS_TOKEN is unset", async () => {
    const response = await get(await loadRoute(undefined), `Bearer ${TOKEN}`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "Not found." } });
  });

  it("asks for the bearer token without it, and refuses a wrong one", async () => {
    const route = await loadRoute(TOKEN);
    const missing = await get(route);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await get(route, "Bearer not-the-token")).status).toBe(401);
  });

  it("serves the Prometheus text with the right token", async () => {
    const response = await get(await loadRoute(TOKEN), `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const body = await response.text();
    expect(body).toContain("# TYPE switchboard_chat_turns_total counter");
    expect(body).toContain("# TYPE switchboard_active_streams gauge");
    expect(body).toContain("process_resident_memory_bytes");
  });
});
