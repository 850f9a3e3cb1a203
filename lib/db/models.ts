import "server-only";
// Models of an endpoint: discovery results, the admin's choices (enabled, display name, default),
// models added by name, and what the capability probe found.
import { recordAudit, type Actor } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { getSetting, setSetting } from "@/lib/db/settings";
import { AppError } from "@/lib/errors";
import type { ProbeResult } from "@/lib/types/endpoints";

/**
 * Stores a successful discovery: new models appear (disabled), vanished ones are marked unlisted,
 * and a context window the server reports fills in one nobody set yet (an admin's value stays).
 */
export async function recordDiscovery(endpointId: string, names: string[], contextWindows: Record<string, number> = {}): Promise<void> {
  const now = new Date();
  await db.$transaction([
    db.model.createMany({ data: names.map((name) => ({ endpointId, name, source: "discovered" })), skipDuplicates: true }),
    ...Object.entries(contextWindows).map(([name, contextWindow]) =>
      db.model.updateMany({ where: { endpointId, name, contextWindow: null }, data: { contextWindow } }),
    ),
    db.model.updateMany({ where: { endpointId, name: { in: names } }, data: { listed: true } }),
    db.model.updateMany({ where: { endpointId, source: "discovered", name: { notIn: names } }, data: { listed: false } }),
    db.endpoint.update({ where: { id: endpointId }, data: { modelsFetchedAt: now, modelsCheckedAt: now, modelsError: null, modelsErrorStatus: null } }),
  ]);
}

/** Stores a failed discovery (with the HTTP status when the server answered); the stored list stays and is shown as stale. */
export async function recordDiscoveryFailure(endpointId: string, failure: { message: string; status?: number }): Promise<void> {
  // updateMany: an endpoint deleted meanwhile is not an error.
  await db.endpoint.updateMany({
    where: { id: endpointId },
    data: { modelsCheckedAt: new Date(), modelsError: failure.message, modelsErrorStatus: failure.status ?? null },
  });
}

export async function recordProbe(endpointId: string, probe: ProbeResult, modelName: string | null, toolsOk: boolean | null) {
  await db.$transaction([
    db.endpoint.updateMany({ where: { id: endpointId }, data: { probe, probedAt: new Date() } }),
    ...(modelName && toolsOk !== null ? [db.model.updateMany({ where: { endpointId, name: modelName }, data: { toolsOk } })] : []),
  ]);
}

export async function addManualModel(actor: Actor, endpointId: string, name: string) {
  const endpoint = await db.endpoint.findUnique({ where: { id: endpointId }, select: { name: true } });
  if (!endpoint) throw new AppError("not_found", "That endpoint does not exist (it may have been deleted).");
  const existing = await db.model.findUnique({ where: { endpointId_name: { endpointId, name } }, select: { id: true } });
  if (existing) throw new AppError("conflict", `“${name}” is already in this endpoint's list.`, { fields: { name: "Already in the list." } });
  return db.$transaction(async (tx) => {
    const model = await tx.model.create({ data: { endpointId, name, source: "manual", enabled: true } });
    await recordAudit(tx, actor, {
      action: "model.create",
      targetType: "model",
      targetId: model.id,
      summary: `Added model “${name}” by name to “${endpoint.name}”`,
      details: { endpoint: endpoint.name, name },
    });
    return model;
  });
}

export type ModelChange = { enabled?: boolean; displayName?: string | null; isDefault?: true; contextWindow?: number | null };

export async function updateModel(actor: Actor, id: string, change: ModelChange) {
  return db.$transaction(async (tx) => {
    const model = await tx.model.findUnique({ where: { id }, include: { endpoint: { select: { name: true } } } });
    if (!model) throw new AppError("not_found", "That model does not exist (its endpoint may have been deleted).");
    const defaultId = await getSetting("defaultModelId", tx);
    const enabled = change.isDefault ? true : (change.enabled ?? model.enabled);
    const updated = await tx.model.update({
      where: { id },
      data: {
        enabled,
        ...(change.displayName !== undefined ? { displayName: change.displayName || null } : {}),
        ...(change.contextWindow !== undefined ? { contextWindow: change.contextWindow } : {}),
      },
    });
    const label = `“${model.displayName || model.name}” on “${model.endpoint.name}”`;
    const parts: string[] = [];
    if (enabled !== model.enabled) parts.push(enabled ? "enabled" : "disabled");
    if (change.displayName !== undefined && (change.displayName || null) !== model.displayName) {
      parts.push(`display name ${change.displayName ? `set to “${change.displayName}”` : "cleared"}`);
    }
    if (change.contextWindow !== undefined && change.contextWindow !== model.contextWindow) {
      parts.push(change.contextWindow === null ? "context window cleared" : `context window set to ${change.contextWindow.toLocaleString("en")} tokens`);
    }
    if (change.isDefault && defaultId !== id) {
      await setSetting("defaultModelId", id, tx);
      parts.push("made the default");
    } else if (!enabled && defaultId === id) {
      await setSetting("defaultModelId", null, tx);
      parts.push("no longer the default");
    }
    if (parts.length > 0) {
      await recordAudit(tx, actor, {
        action: change.isDefault ? "model.default" : "model.update",
        targetType: "model",
        targetId: id,
        summary: `Model ${label}: ${parts.join(", ")}`,
        details: { endpoint: model.endpoint.name, name: model.name, changes: parts, previousDefault: change.isDefault ? defaultId : null },
      });
    }
    return updated;
  });
}

export type EnabledModelRow = {
  id: string;
  name: string;
  displayName: string | null;
  endpointId: string;
  endpointName: string;
  endpointEnabled: boolean;
  toolsOk: boolean | null;
  isDefault: boolean;
};

/** Every enabled model across endpoints, for /admin/models. */
export async function listEnabledModels(): Promise<EnabledModelRow[]> {
  const [models, defaultId] = await Promise.all([
    db.model.findMany({
      where: { enabled: true },
      include: { endpoint: { select: { id: true, name: true, enabled: true } } },
      orderBy: [{ endpoint: { name: "asc" } }, { name: "asc" }],
    }),
    getSetting("defaultModelId"),
  ]);
  return models.map((model) => ({
    id: model.id,
    name: model.name,
    displayName: model.displayName,
    endpointId: model.endpoint.id,
    endpointName: model.endpoint.name,
    endpointEnabled: model.endpoint.enabled,
    toolsOk: model.toolsOk,
    isDefault: model.id === defaultId,
  }));
}
