import "server-only";
// Instance settings stored as JSON rows and validated when read back.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

const settingSchemas = {
  signupOpen: z.boolean(),
  /** The model used when a user has not picked one (an enabled Model id). */
  defaultModelId: z.uuid().nullable(),
  /** Environment sources (OPENAI_API_KEY, OPENAI_COMPATIBLE_BASE_URL) already turned into endpoints once. */
  seededEnvSources: z.array(z.string()),
  /** Admin-approved private "host" / "host:port" entries tools and actions may reach (self-hosted services). */
  actionPrivateHosts: z.array(z.string()),
  /** Whether personal API keys work at all (/api/v1); admins can also turn it off per user. */
  apiEnabled: z.boolean(),
} as const;

export type SettingKey = keyof typeof settingSchemas;
type SettingValue<K extends SettingKey> = z.infer<(typeof settingSchemas)[K]>;

const defaults: { [K in SettingKey]: SettingValue<K> } = {
  // Closed unless an admin opened it; sign-up is open anyway while no account exists (lib/auth/sign-up.ts).
  signupOpen: false,
  defaultModelId: null,
  seededEnvSources: [],
  actionPrivateHosts: [],
  apiEnabled: true,
};

type SettingsClient = Pick<Prisma.TransactionClient, "setting">;

export async function getSetting<K extends SettingKey>(key: K, client: SettingsClient = db): Promise<SettingValue<K>> {
  const row = await client.setting.findUnique({ where: { key } });
  if (!row) return defaults[key];
  const parsed = settingSchemas[key].safeParse(row.value);
  return parsed.success ? (parsed.data as SettingValue<K>) : defaults[key];
}

export async function setSetting<K extends SettingKey>(key: K, value: SettingValue<K>, client: SettingsClient = db): Promise<void> {
  const parsed = settingSchemas[key].parse(value);
  const json = parsed === null ? Prisma.JsonNull : parsed;
  await client.setting.upsert({ where: { key }, create: { key, value: json }, update: { value: json } });
}
