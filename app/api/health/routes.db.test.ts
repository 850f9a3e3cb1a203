// Database test (TEST_DATABASE_URL, migrated): the three health routes as a load balancer sees them.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/lib/testing/test-database";

connectTestDatabase();
const { db } = await import("@/lib/db/client");
const { markShuttingDown, resetShutdownForTests } = await import("@/lib/health/shutdown");
const live = await import("@/app/api/health/live/route");
const ready = await import("@/app/api/health/ready/route");
const health = await import("@/app/api/health/route");

afterEach(() => resetShutdownForTests());
afterAll(() => db.$disconnect());

describe("health routes", () => {
  it("live answers 200 and is not cached", () => {
    const response = live.GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("ready answers 200 on the migrated database (the test runs from the repository, like `next start`)", async () => {
    const response = await ready.GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready" });
  });

  it("ready answers 503 with a reason once SIGTERM arrived; live and /api/health still answer 200", async () => {
    markShuttingDown();
    const response = await ready.GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "not_ready", reason: "shutting_down", message: "This instance is shutting down." });
    expect(live.GET().status).toBe(200);
    expect((await health.GET()).status).toBe(200);
  });
});
