import "server-only";
// The account page's API keys: each key with its use over the last 30 days, whether the API works for
// the user at all, and creating a key (refused while it could not be used).
import { usageOfKeys } from "@/lib/api/usage";
import { createApiKey, listApiKeys } from "@/lib/db/api-keys";
import { getSetting } from "@/lib/db/settings";
import { findUserApiAccess } from "@/lib/db/users";
import { AppError } from "@/lib/errors";
import type { CreateApiKeyInput } from "@/lib/schemas/api-keys";
import type { AccountApiKeyView, ApiAccessState } from "@/lib/types/api-keys";

/** The window of the usage figures the account page shows. */
export const USAGE_DAYS = 30;

const REFUSED: Record<Exclude<ApiAccessState, "on">, string> = {
  instance_off: "The API is turned off on this Switchboard, so a new key would not work. Ask your admin.",
  user_off: "Your admin has turned off API access for your account, so a new key would not work.",
};

export async function apiAccessOf(userId: string): Promise<ApiAccessState> {
  const [enabled, allowed] = await Promise.all([getSetting("apiEnabled"), findUserApiAccess(userId)]);
  if (!enabled) return "instance_off";
  return allowed ? "on" : "user_off";
}

export async function listAccountApiKeys(userId: string, now = new Date()): Promise<AccountApiKeyView[]> {
  const keys = await listApiKeys(userId);
  const usage = await usageOfKeys(
    keys.map((key) => key.id),
    USAGE_DAYS,
    now,
  );
  return keys.map((key) => {
    const used = usage.get(key.id);
    return { ...key, usage: { requests: used?.requests ?? 0, inputTokens: used?.inputTokens ?? 0, outputTokens: used?.outputTokens ?? 0 } };
  });
}

/** The page's data in one answer (GET /api/account/api-keys). */
export async function accountApiKeys(userId: string): Promise<{ keys: AccountApiKeyView[]; access: ApiAccessState }> {
  const [keys, access] = await Promise.all([listAccountApiKeys(userId), apiAccessOf(userId)]);
  return { keys, access };
}

/** A new key, returned in full this once; refused while the API is off for the user. */
export async function createAccountApiKey(userId: string, input: CreateApiKeyInput): Promise<{ key: string; apiKey: AccountApiKeyView }> {
  const access = await apiAccessOf(userId);
  if (access !== "on") throw new AppError("forbidden", REFUSED[access]);
  const created = await createApiKey(userId, input);
  return { key: created.key, apiKey: { ...created.apiKey, usage: { requests: 0, inputTokens: 0, outputTokens: 0 } } };
}
