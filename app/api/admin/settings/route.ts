import { withAdmin } from "@/lib/auth/handlers";
import { getAdminSettings, updateAdminSettings } from "@/lib/db/instance-settings";
import { adminSettingsPatchSchema } from "@/lib/schemas/settings";
import { readJson } from "@/lib/http/read-json";

export const GET = withAdmin(async () => Response.json(await getAdminSettings()));

export const PATCH = withAdmin(async (req, { user }) => {
  const patch = await readJson(req, adminSettingsPatchSchema);
  return Response.json(await updateAdminSettings(user, patch));
});
