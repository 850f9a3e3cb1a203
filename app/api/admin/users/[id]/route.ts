import { z } from "zod";
import { withAdmin } from "@/lib/auth/handlers";
import { updateUserByAdmin } from "@/lib/db/users";
import { apiAccessSchema } from "@/lib/schemas/api-keys";
import { parseId } from "@/lib/schemas/ids";
import { readJson } from "@/lib/http/read-json";

const changeSchema = z
  .object({ role: z.enum(["admin", "user"]).optional(), disabled: z.boolean().optional(), apiAccess: apiAccessSchema.shape.apiAccess.optional() })
  .strict()
  .refine((value) => value.role !== undefined || value.disabled !== undefined || value.apiAccess !== undefined, "Send a role, a disabled flag or an apiAccess flag.");

export const PATCH = withAdmin<{ id: string }>(async (req, { user, params }) => {
  parseId(params.id, "user");
  const change = await readJson(req, changeSchema);
  return Response.json({ user: await updateUserByAdmin(user, params.id, change) });
});
