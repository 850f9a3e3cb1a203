import { z } from "zod";
import { withAdmin } from "@/lib/auth/handlers";
import { updateUserByAdmin } from "@/lib/db/users";
import { AppError } from "@/lib/errors";

const changeSchema = z
  .object({ role: z.enum(["admin", "user"]).optional(), disabled: z.boolean().optional() })
  .strict()
  .refine((value) => value.role !== undefined || value.disabled !== undefined, "Send a role or a disabled flag.");

export const PATCH = withAdmin<{ id: string }>(async (req, { user, params }) => {
  if (!z.uuid().safeParse(params.id).success) throw new AppError("not_found", "That user does not exist.");
  const change = changeSchema.parse(await req.json().catch(() => ({})));
  return Response.json({ user: await updateUserByAdmin(user.id, params.id, change) });
});
