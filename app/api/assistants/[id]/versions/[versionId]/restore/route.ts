import { withUser } from "@/lib/auth/handlers";
import { restoreVersion } from "@/lib/db/assistants";
import { parseId } from "@/lib/schemas/ids";

export const POST = withUser<{ id: string; versionId: string }>(async (_req, { user, params }) =>
  Response.json({ assistant: await restoreVersion(user, parseId(params.id, "assistant"), parseId(params.versionId, "version")) }),
);
