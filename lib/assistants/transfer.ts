import "server-only";
// Export to portable JSON and import it again. The model preference travels by name (ids mean
// nothing elsewhere); nothing secret is ever part of an export: actions carry their document and
// how they authenticate, and an imported action starts without a key.
import { randomUUID } from "node:crypto";
import { createAssistant, getAssistantForEdit } from "@/lib/db/assistants";
import { db } from "@/lib/db/client";
import type { CurrentUser } from "@/lib/auth/session";
import type { AssistantExport, AssistantInput } from "@/lib/schemas/assistants";
import type { AssistantView } from "@/lib/types/assistants";

type Viewer = Pick<CurrentUser, "id" | "role">;

/** For those who may edit it: an export carries the instructions and action documents. */
export async function exportAssistant(user: Viewer, id: string): Promise<AssistantExport> {
  const assistant = await getAssistantForEdit(user, id);
  const { config } = assistant;
  const model = config.modelId
    ? await db.model.findUnique({ where: { id: config.modelId }, select: { name: true, endpoint: { select: { name: true } } } })
    : null;
  return {
    format: "switchboard.assistant",
    version: 1,
    assistant: {
      name: assistant.name,
      description: assistant.description,
      avatar: config.avatar,
      instructions: config.instructions,
      showInstructions: config.showInstructions,
      starters: config.starters,
      model: model ? { name: model.name, endpoint: model.endpoint.name } : null,
      temperature: config.temperature,
      maxOutputTokens: config.maxOutputTokens,
      tools: config.tools,
      maxToolSteps: config.maxToolSteps,
      actions: config.actions.map(({ spec, auth, allowApiWithoutApproval }) => ({ spec, auth, allowApiWithoutApproval })),
    },
  };
}

/** Creates a private assistant from an export; the model is matched by name among enabled models. */
export async function importAssistant(user: Viewer, data: AssistantExport): Promise<AssistantView> {
  const { assistant } = data;
  let modelId: string | null = null;
  if (assistant.model) {
    const candidates = await db.model.findMany({
      where: { name: assistant.model.name, enabled: true, endpoint: { enabled: true } },
      select: { id: true, endpoint: { select: { name: true } } },
    });
    modelId = (candidates.find((candidate) => candidate.endpoint.name === assistant.model?.endpoint) ?? candidates[0])?.id ?? null;
  }
  const input: AssistantInput = {
    name: assistant.name,
    description: assistant.description,
    visibility: "private",
    avatar: assistant.avatar,
    instructions: assistant.instructions,
    showInstructions: assistant.showInstructions,
    starters: assistant.starters,
    modelId,
    temperature: assistant.temperature,
    maxOutputTokens: assistant.maxOutputTokens,
    tools: assistant.tools,
    maxToolSteps: assistant.maxToolSteps,
    actions: assistant.actions.map(({ spec, auth, allowApiWithoutApproval }) => ({ id: randomUUID(), spec, auth, allowApiWithoutApproval, clearSecret: false })),
  };
  return createAssistant(user, input);
}
