import "server-only";
// A user's change to a conversation (rename, or the model picked in the chat header).
import { resolveModel } from "@/lib/ai/models";
import { updateConversation } from "@/lib/db/conversations";
import { AppError } from "@/lib/errors";
import type { ConversationChange } from "@/lib/schemas/chat";
import type { ConversationSummary } from "@/lib/types/chat";

export async function changeConversation(userId: string, id: string, change: ConversationChange): Promise<ConversationSummary> {
  if (change.modelId) {
    const model = await resolveModel(change.modelId);
    if (model?.id !== change.modelId) {
      throw new AppError("validation", "That model is not available any more. Pick another one.", { fields: { modelId: "Not available." } });
    }
  }
  return updateConversation(userId, id, change);
}
