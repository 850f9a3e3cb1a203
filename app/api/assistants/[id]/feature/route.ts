import { z } from "zod";
import { withAdmin } from "@/lib/auth/handlers";
import { setFeatured } from "@/lib/db/assistants";
import { parseId } from "@/lib/schemas/ids";
import { readJson } from "@/lib/http/read-json";

const bodySchema = z.object({ featured: z.boolean() }).strict();

export const PUT = withAdmin<{ id: string }>(async (req, { params }) => {
  const { featured } = await readJson(req, bodySchema);
  await setFeatured(parseId(params.id, "assistant"), featured);
  return Response.json({ featured });
});
