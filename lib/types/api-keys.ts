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
