import "server-only";
// Which model a chat turn uses, and which models people may pick. Everything is read from the
// database on each call, so an admin's change applies to the very next message on every instance.
import type { EndpointConfig } from "@/lib/ai/providers";
import { db } from "@/lib/db/client";
import { getSetting } from "@/lib/db/settings";
import { resolveTurnModel } from "@/lib/db/turn-reads";

export type ResolvedModel = {
  id: string;
  /** Upstream model id. */
  name: string;
  /** What people see. */
  label: string;
  toolsOk: boolean | null;
  /** Tokens; null when unknown (lib/chat/fit-history.ts assumes a conservative window). */
  contextWindow?: number | null;
  endpoint: EndpointConfig;
};

export type SelectableModel = {
  id: string;
  label: string;
  endpointName: string;
  isDefault: boolean;
  toolsOk: boolean | null;
};

const usable = { enabled: true, endpoint: { enabled: true } } as const;

/** Models every signed-in user may choose, default first, then by endpoint and name. */
export async function listSelectableModels(): Promise<SelectableModel[]> {
  const [models, defaultId] = await Promise.all([
    db.model.findMany({
      where: usable,
      select: { id: true, name: true, displayName: true, toolsOk: true, endpoint: { select: { name: true } } },
      orderBy: [{ endpoint: { name: "asc" } }, { name: "asc" }],
    }),
    getSetting("defaultModelId"),
  ]);
  const list = models.map((model) => ({
    id: model.id,
    label: model.displayName || model.name,
    endpointName: model.endpoint.name,
    isDefault: model.id === defaultId,
    toolsOk: model.toolsOk,
  }));
  return list.sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
}

/**
 * The model for a turn: the requested one when it is enabled (and its endpoint too), otherwise the
 * default, otherwise any enabled model; null when none is usable (the UI shows an empty state).
 * One statement (lib/db/turn-reads.ts), as it sits on the hot path of every message.
 */
export async function resolveModel(requestedId?: string | null): Promise<ResolvedModel | null> {
  return resolveTurnModel(requestedId ?? null);
}
