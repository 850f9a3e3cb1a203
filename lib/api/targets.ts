import "server-only";
// What an API request's `model` names, for the key's user: an enabled model (by its public id, see
// lib/api/model-ids.ts) or an assistant they may use ("assistant:<slug>"). Anything else is a 404
// that does not say whether it exists for someone else.
import { resolveModel, type ResolvedModel } from "@/lib/ai/models";
import { assistantSlugOf, publicModelIds, type PublicModel } from "@/lib/api/model-ids";
import type { CurrentUser } from "@/lib/auth/session";
import { assistantSettingsForTurn, visibleTo, type AssistantTurnSettings } from "@/lib/db/assistants";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { NO_MODEL_MESSAGE } from "@/lib/types/chat";

export type ApiTarget = { publicId: string; model: ResolvedModel; assistant: AssistantTurnSettings | null };

export type ApiAssistantEntry = { slug: string; name: string; description: string; createdAt: Date };

const notFound = (id: string) =>
  new AppError("not_found", `The model \`${id}\` does not exist or you do not have access to it. GET /v1/models lists the ones you can use.`, {
    fields: { model: "not found" },
  });

/** Enabled models on enabled endpoints, with their public ids. */
export async function listApiModels(): Promise<PublicModel[]> {
  const rows = await db.model.findMany({
    where: { enabled: true, endpoint: { enabled: true } },
    select: { id: true, name: true, createdAt: true, endpoint: { select: { name: true } } },
    orderBy: [{ endpoint: { name: "asc" } }, { name: "asc" }],
  });
  return publicModelIds(rows.map((row) => ({ id: row.id, name: row.name, endpointName: row.endpoint.name, createdAt: row.createdAt })));
}

/** Assistants the user may chat with: their own and the organisation's. */
export async function listApiAssistants(user: Pick<CurrentUser, "id" | "role">): Promise<ApiAssistantEntry[]> {
  return db.assistant.findMany({
    where: visibleTo(user),
    select: { slug: true, name: true, description: true, createdAt: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

export async function resolveApiTarget(user: Pick<CurrentUser, "id" | "role">, modelId: string): Promise<ApiTarget> {
  const slug = assistantSlugOf(modelId);
  if (slug !== null) {
    const row = await db.assistant.findFirst({ where: { slug, ...visibleTo(user) }, select: { id: true } });
    const assistant = row ? await assistantSettingsForTurn(user, row.id, null) : null;
    if (!assistant) throw notFound(modelId);
    const model = await resolveModel(assistant.config.modelId);
    if (!model) throw new AppError("unavailable", NO_MODEL_MESSAGE, { headers: { "Retry-After": "30" } });
    return { publicId: modelId, model, assistant };
  }
  const entry = (await listApiModels()).find((model) => model.publicId === modelId);
  const model = entry ? await resolveModel(entry.id) : null;
  // resolveModel falls back to the default when the requested one was disabled meanwhile: not here.
  if (!entry || !model || model.id !== entry.id) throw notFound(modelId);
  return { publicId: modelId, model, assistant: null };
}
