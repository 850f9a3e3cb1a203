import "server-only";
// Instance settings stored as JSON rows and validated when read back.
import { z } from "zod";
import { db } from "@/lib/db/client";

const settingSchemas = {
  signupOpen: z.boolean(),
} as const;

type SettingKey = keyof typeof settingSchemas;
type SettingValue<K extends SettingKey> = z.infer<(typeof settingSchemas)[K]>;

const defaults: { [K in SettingKey]: SettingValue<K> } = {
  signupOpen: true,
};

export async function getSetting<K extends SettingKey>(key: K): Promise<SettingValue<K>> {
  const row = await db.setting.findUnique({ where: { key } });
  if (!row) return defaults[key];
  const parsed = settingSchemas[key].safeParse(row.value);
  return parsed.success ? (parsed.data as SettingValue<K>) : defaults[key];
}

export async function setSetting<K extends SettingKey>(key: K, value: SettingValue<K>): Promise<void> {
  const json = settingSchemas[key].parse(value);
  await db.setting.upsert({ where: { key }, create: { key, value: json }, update: { value: json } });
}
