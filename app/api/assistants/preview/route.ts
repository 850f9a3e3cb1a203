import { withUser } from "@/lib/auth/handlers";
import { streamPreview } from "@/lib/chat/preview-turn";
import { previewRequestSchema } from "@/lib/schemas/preview";

/** The builder's live preview with unsaved settings; nothing is saved. */
export const POST = withUser(async (req) => streamPreview(previewRequestSchema.parse(await req.json().catch(() => null)), req.signal));
