import { z } from "zod";

export const API_KEY_EXPIRY_DAYS = [30, 90, 365] as const;

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "Give the key a name, such as the script or tool that will use it.").max(80, "Keep the name under 80 characters."),
  /** Days until the key stops working; null: it never expires. */
  expiresInDays: z.number().int().min(1, "A key lasts at least a day.").max(3650, "A key lasts at most ten years.").nullable().default(null),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const apiAccessSchema = z.object({ apiAccess: z.boolean() });
export const apiEnabledSchema = z.object({ apiEnabled: z.boolean() });

// What the browser reads back (lib/types/api-keys.ts), checked by lib/utils/fetch-json.ts.
export const apiKeyViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const accountApiKeyViewSchema = apiKeyViewSchema.extend({
  usage: z.object({ requests: z.number(), inputTokens: z.number(), outputTokens: z.number() }),
});

export const apiAccessStateSchema = z.enum(["on", "instance_off", "user_off"]);

/** GET /api/account/api-keys */
export const accountApiKeysSchema = z.object({ keys: z.array(accountApiKeyViewSchema), access: apiAccessStateSchema });

/** POST /api/account/api-keys: the full key, this one time. */
export const createdApiKeySchema = z.object({ key: z.string(), apiKey: accountApiKeyViewSchema });
