import { withUser } from "@/lib/auth/handlers";
import { streamPreview } from "@/lib/chat/preview-turn";
import { BODY_LIMITS, readJson } from "@/lib/http/read-json";
import { enforceRateLimit } from "@/lib/http/rate-limit";
import { previewRequestSchema } from "@/lib/schemas/preview";

/** The builder's live preview with unsaved settings; nothing is saved. */
export const POST = withUser(async (req, { user }) => {
  const request = await readJson(req, previewRequestSchema, BODY_LIMITS.preview);
  await enforceRateLimit("preview", user.id);
  return streamPreview(request, req.signal);
});
