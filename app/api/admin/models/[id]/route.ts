import { withAdmin } from "@/lib/auth/handlers";
import { updateModel } from "@/lib/db/models";
import { modelPatchSchema } from "@/lib/schemas/endpoints";
import { parseId } from "@/lib/schemas/ids";

export const PATCH = withAdmin<{ id: string }>(async (req, { user, params }) => {
  const change = modelPatchSchema.parse(await req.json().catch(() => ({})));
  const model = await updateModel(user, parseId(params.id, "model"), change);
  return Response.json({ model: { id: model.id, enabled: model.enabled, displayName: model.displayName } });
});
