// Personal API keys as the browser sees them: never the key itself (shown once, at creation) nor its hash.
export type ApiKeyView = {
  id: string;
  name: string;
  /** The key's public start, e.g. "sb_Ab3dE5gH": how a user recognises it. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
};

/** For the admin's list: whose key it is. */
export type AdminApiKeyView = ApiKeyView & { userId: string; userEmail: string };

/** The answer to a creation: the full key, this one time. */
export type CreatedApiKey = { key: string; apiKey: ApiKeyView };

/** A key's use through the API over the last days (lib/api/usage.ts). */
export type ApiKeyUsageView = { requests: number; inputTokens: number; outputTokens: number };

/** For the account page: a key and its use over the last 30 days. */
export type AccountApiKeyView = ApiKeyView & { usage: ApiKeyUsageView };

/** Whether the signed-in user's keys work: "on", or who turned the API off (the whole instance, or this user). */
export type ApiAccessState = "on" | "instance_off" | "user_off";
