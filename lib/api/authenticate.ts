import "server-only";
// Who an API request acts as: the user whose key is in `Authorization: Bearer`. A key works while it
// is not revoked or expired, its user is enabled and allowed the API, and the API is on.
import { apiKeyMatches, bearerKey, prefixOfApiKey } from "@/lib/api/key-token";
import { noteKeyUse } from "@/lib/api/last-used";
import type { CurrentUser } from "@/lib/auth/session";
import { findKeyForAuth } from "@/lib/db/api-keys";
import { getSetting } from "@/lib/db/settings";
import { AppError } from "@/lib/errors";

export type ApiCaller = { user: CurrentUser; keyId: string };

const NO_KEY = "Send your Switchboard API key as `Authorization: Bearer <key>`. Create one on your account page.";
const BAD_KEY = "That API key is not valid: it may be mistyped, revoked or expired. Create a new one on your account page.";
const API_OFF = "The API is turned off on this Switchboard. Ask your admin.";
const USER_OFF = "Your admin has turned off API access for your account.";

export async function authenticateApiKey(authorization: string | null, now = new Date()): Promise<ApiCaller> {
  const key = bearerKey(authorization);
  if (!key) throw new AppError("unauthorized", NO_KEY);
  const prefix = prefixOfApiKey(key);
  if (!prefix) throw new AppError("unauthorized", BAD_KEY);
  const [row, apiEnabled] = await Promise.all([findKeyForAuth(prefix), getSetting("apiEnabled")]);
  // The hash is compared even when a check below fails anyway, so every refusal costs the same.
  const matches = row ? apiKeyMatches(key, row.secretHash) : false;
  if (!row || !matches || row.revokedAt || (row.expiresAt && row.expiresAt <= now) || row.user.disabledAt) {
    throw new AppError("unauthorized", BAD_KEY);
  }
  if (!apiEnabled) throw new AppError("forbidden", API_OFF);
  if (!row.user.apiAccess) throw new AppError("forbidden", USER_OFF);
  noteKeyUse(row.id, now);
  const { id, email, name, role } = row.user;
  return { user: { id, email, name, role }, keyId: row.id };
}
