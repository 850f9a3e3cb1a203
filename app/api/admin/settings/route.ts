import { withAdmin } from "@/lib/auth/handlers";
import { getAdminSettings, updateAdminSettings } from "@/lib/db/instance-settings";
import { adminSettingsPatchSchema } from "@/lib/schemas/settings";

export const GET = withAdmin(async () => Response.json(await getAdminSettings()));

export const PATCH = withAdmin(async (req, { user }) => {
  const patch = adminSettingsPatchSchema.parse(await req.json().catch(() => ({})));
  return Response.json(await updateAdminSettings(user, patch));
});
