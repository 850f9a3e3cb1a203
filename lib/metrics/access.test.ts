import { describe, expect, it } from "vitest";
import { checkMetricsAccess } from "@/lib/metrics/access";

const TOKEN = "s3cret-metrics-token-0123456789";

describe("checkMetricsAccess", () => {
  it("is off when no token is configured, whatever the request sends", () => {
    expect(checkMetricsAccess(null, undefined)).toBe("disabled");
    expect(checkMetricsAccess(`Bearer ${TOKEN}`, undefined)).toBe("disabled");
    expect(checkMetricsAccess("Bearer ", "")).toBe("disabled");
  });

  it("allows the configured bearer token", () => {
    expect(checkMetricsAccess(`Bearer ${TOKEN}`, TOKEN)).toBe("allowed");
    expect(checkMetricsAccess(`bearer ${TOKEN}`, TOKEN)).toBe("allowed");
  });

  it("denies a missing, wrong, truncated or extended token and other schemes", () => {
    expect(checkMetricsAccess(null, TOKEN)).toBe("denied");
    expect(checkMetricsAccess("", TOKEN)).toBe("denied");
    expect(checkMetricsAccess("Bearer", TOKEN)).toBe("denied");
    expect(checkMetricsAccess("Bearer wrong", TOKEN)).toBe("denied");
    expect(checkMetricsAccess(`Bearer ${TOKEN.slice(0, -1)}`, TOKEN)).toBe("denied");
    expect(checkMetricsAccess(`Bearer ${TOKEN}x`, TOKEN)).toBe("denied");
    expect(checkMetricsAccess(`Basic ${Buffer.from(`x:${TOKEN}`).toString("base64")}`, TOKEN)).toBe("denied");
    expect(checkMetricsAccess(`Bearer ${TOKEN} extra`, TOKEN)).toBe("denied");
  });
});
