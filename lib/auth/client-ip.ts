import "server-only";
// The client address used for per-IP throttling. Next.js sets X-Forwarded-For to the socket address
// only when the request has none, so the header is trusted only behind a proxy (TRUST_PROXY=true),
// which must overwrite it. Without that, the left-most entry is still the best signal available.
import { getEnv } from "@/lib/env";

export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string | null {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return null;
  const parts = value.split(",").map((part) => part.trim()).filter(Boolean);
  // Behind a trusted proxy the right-most entry is the address the proxy saw.
  const chosen = getEnv().TRUST_PROXY ? parts.at(-1) : parts[0];
  return chosen?.slice(0, 64) ?? null;
}
