// What the admin settings API accepts: any subset of the instance settings an admin may change.
import { z } from "zod";

export const adminSettingsPatchSchema = z
  .object({
    signupOpen: z.boolean().optional(),
    /** "host" or "host:port" entries as typed; the server checks and normalises them. */
    actionPrivateHosts: z.array(z.string().max(300, "An entry is longer than 300 characters.")).max(200, "Too many entries.").optional(),
    /** Whether personal API keys work at all (/api/v1). */
    apiEnabled: z.boolean().optional(),
  })
  .strict()
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), "Nothing to change.");

export type AdminSettingsPatch = z.infer<typeof adminSettingsPatchSchema>;

export type AdminSettingsView = { signupOpen: boolean; actionPrivateHosts: string[]; apiEnabled: boolean };
