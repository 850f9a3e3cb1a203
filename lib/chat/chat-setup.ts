import "server-only";
// What a chat page needs besides the messages: the models a user may pick, which one is selected,
// and whether any model is usable at all.
import { listSelectableModels, resolveModel } from "@/lib/ai/models";
import type { ModelOption } from "@/lib/types/chat";

/** `selectedModelId` is null for "the default": the server resolves it when each message is sent. */
export type ChatSetup = { models: ModelOption[]; selectedModelId: string | null; canChat: boolean };

export async function loadChatSetup(pickedModelId: string | null): Promise<ChatSetup> {
  const [selectable, fallback] = await Promise.all([listSelectableModels(), resolveModel(pickedModelId)]);
  const models = selectable.map(({ id, label, endpointName, isDefault }) => ({ id, label, endpointName, isDefault }));
  // A pick that is no longer usable reads as "Default", which is what the server then uses.
  const selectedModelId = pickedModelId && models.some((model) => model.id === pickedModelId) ? pickedModelId : null;
  return { models, selectedModelId, canChat: fallback !== null };
}
