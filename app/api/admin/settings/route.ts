import { z } from "zod";
import { withAdmin } from "@/lib/auth/handlers";
import { getSetting, setSetting } from "@/lib/db/settings";

const settingsSchema = z.object({ signupOpen: z.boolean() }).strict();

export const GET = withAdmin(async () => Response.json({ signupOpen: await getSetting("signupOpen") }));

export const PATCH = withAdmin(async (req) => {
  const input = settingsSchema.parse(await req.json().catch(() => ({})));
  await setSetting("signupOpen", input.signupOpen);
  return Response.json({ signupOpen: input.signupOpen });
});
