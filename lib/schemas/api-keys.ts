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
