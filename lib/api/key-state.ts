// Whether a personal API key still works, as lists show it. The same rule as lib/api/authenticate.ts:
// a key stops working at its expiry instant; revoked wins over expired.
import type { ApiKeyView } from "@/lib/types/api-keys";

export type ApiKeyState = "active" | "expired" | "revoked";

export function apiKeyState(key: Pick<ApiKeyView, "expiresAt" | "revokedAt">, now: Date = new Date()): ApiKeyState {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && new Date(key.expiresAt).getTime() <= now.getTime()) return "expired";
  return "active";
}
