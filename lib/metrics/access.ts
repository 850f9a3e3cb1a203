// Who may read GET /api/metrics: whoever sends `Authorization: Bearer <METRICS_TOKEN>`. With no
// METRICS_TOKEN the endpoint does not exist (404), so metrics are off unless an operator turns them on.
import { createHash, timingSafeEqual } from "node:crypto";

export type MetricsAccess = "disabled" | "denied" | "allowed";

const digest = (value: string): Buffer => createHash("sha256").update(value, "utf8").digest();

/**
 * Compares in constant time: both sides are hashed first, so neither the token's length nor the
 * position of the first wrong character shows in the time the comparison takes.
 */
export function checkMetricsAccess(authorization: string | null, token: string | undefined): MetricsAccess {
  if (!token) return "disabled";
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? "");
  const presented = match?.[1] ?? "";
  // Hashing even a missing token keeps "no header" and "wrong token" equally fast.
  const equal = timingSafeEqual(digest(presented), digest(token));
  return equal && presented.length > 0 ? "allowed" : "denied";
}
