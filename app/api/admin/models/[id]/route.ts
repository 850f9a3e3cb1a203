import { withAdmin } from "@/lib/auth/handlers";
import { updateModel } from "@/lib/db/models";
import { modelPatchSchema } from "@/lib/schemas/endpoints";
import { parseId } from "@/lib/schemas/ids";
import { readJson } from "@/lib/http/read-json";

export const PATCH = withAdmin<{ id: string }>(async (req, { user, params }) => {
  const change = await readJson(req, modelPatchSchema);
  const model = await updateModel(user, parseId(params.id, "model"), change);
  return Response.json({ model: { id: model.id, enabled: model.enabled, displayName: model.displayName } });
});
