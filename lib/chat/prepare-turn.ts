import "server-only";
// The start of a turn: check the model, save the user's message (before any model call), and
// rebuild the conversation from the database. A regenerate replaces the last answer instead of
// repeating the user's message.
import { resolveModel, type ResolvedModel } from "@/lib/ai/models";
import { toChatMessages } from "@/lib/chat/history";
import { startTurn, type TurnHandle } from "@/lib/chat/running-turns";
import type { CurrentUser } from "@/lib/auth/session";
import { createConversationWithMessage, getConversation, getConversationWithMessages, updateConversation } from "@/lib/db/conversations";
import { deleteTrailingAssistantMessage, saveUserMessage } from "@/lib/db/messages";
import { AppError } from "@/lib/errors";
import type { ChatRequest } from "@/lib/schemas/chat";
import { NO_MODEL_MESSAGE, type ChatPart, type ChatUIMessage } from "@/lib/types/chat";
import { titleFromMessage } from "@/lib/utils/conversation-title";

export type Turn = {
  userId: string;
  conversationId: string;
  /** The whole conversation from the database, ending with the user's message. */
  history: ChatUIMessage[];
  model: ResolvedModel;
  handle: TurnHandle;
};

const BUSY = "An answer is still being written in this conversation. Wait for it, or press Stop.";

async function saveTurnInput(input: { userId: string; conversationId: string; regenerate: boolean; parts: ChatPart[]; pickedModelId?: string }) {
  const { userId, conversationId, parts, pickedModelId } = input;
  if (!input.regenerate) {
    await saveUserMessage(userId, conversationId, parts, pickedModelId);
    return;
  }
  const { lastRole } = await deleteTrailingAssistantMessage(userId, conversationId);
  // The user's message is already there (the usual retry): run it again. Otherwise it never got saved.
  if (lastRole === "user") {
    if (pickedModelId) await updateConversation(userId, conversationId, { modelId: pickedModelId });
  } else {
    await saveUserMessage(userId, conversationId, parts, pickedModelId);
  }
}

export async function prepareTurn(user: CurrentUser, request: ChatRequest): Promise<Turn> {
  const parts: ChatPart[] = [{ type: "text", text: request.message.text }];
  const existing = request.conversationId ? await getConversation(user.id, request.conversationId) : null;

  const model = await resolveModel(request.modelId ?? existing?.modelId ?? null);
  if (!model) throw new AppError("conflict", NO_MODEL_MESSAGE);
  // Only a usable pick is remembered on the conversation; otherwise the default answered.
  const pickedModelId = request.modelId && request.modelId === model.id ? model.id : undefined;

  let conversationId: string;
  let handle: TurnHandle | null;
  if (existing) {
    conversationId = existing.id;
    handle = startTurn(conversationId, user.id);
    if (!handle) throw new AppError("conflict", BUSY);
    try {
      await saveTurnInput({ userId: user.id, conversationId, regenerate: request.regenerate === true, parts, pickedModelId });
    } catch (error) {
      handle.finish();
      throw error;
    }
  } else {
    const created = await createConversationWithMessage(user.id, {
      title: titleFromMessage(request.message.text),
      modelId: pickedModelId ?? null,
      parts,
    });
    conversationId = created.conversation.id;
    handle = startTurn(conversationId, user.id);
    if (!handle) throw new AppError("conflict", BUSY);
  }

  try {
    const conversation = await getConversationWithMessages(user.id, conversationId);
    return { userId: user.id, conversationId, history: toChatMessages(conversation.messages), model, handle };
  } catch (error) {
    handle.finish();
    throw error;
  }
}
