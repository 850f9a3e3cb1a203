import { z } from "zod";
import { withAdmin } from "@/lib/auth/handlers";
import { updateUserByAdmin } from "@/lib/db/users";
import { parseId } from "@/lib/schemas/ids";
import { readJson } from "@/lib/http/read-json";

const changeSchema = z
  .object({ role: z.enum(["admin", "user"]).optional(), disabled: z.boolean().optional() })
  .strict()
  .refine((value) => value.role !== undefined || value.disabled !== undefined, "Send a role or a disabled flag.");

export const PATCH = withAdmin<{ id: string }>(async (req, { user, params }) => {
  parseId(params.id, "user");
  const change = await readJson(req, changeSchema);
  return Response.json({ user: await updateUserByAdmin(user, params.id, change) });
});
