import "server-only";
// What a chat page needs besides the messages: the models a user may pick, which one is selected,
// and whether any model is usable at all.
import { listSelectableModels, resolveModel } from "@/lib/ai/models";
import type { ModelOption } from "@/lib/types/chat";

export type ChatSetup = { models: ModelOption[]; selectedModelId: string | null; canChat: boolean };

export async function loadChatSetup(conversationModelId: string | null): Promise<ChatSetup> {
  const [selectable, fallback] = await Promise.all([listSelectableModels(), resolveModel(conversationModelId)]);
  const models = selectable.map(({ id, label, endpointName, isDefault }) => ({ id, label, endpointName, isDefault }));
  return { models, selectedModelId: fallback?.id ?? null, canChat: fallback !== null };
}
