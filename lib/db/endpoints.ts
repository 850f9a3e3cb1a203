import "server-only";
// Endpoints: admin CRUD with secrets encrypted at rest, and the views the admin pages may see
// (toEndpointView is the only way an endpoint leaves the server, and it drops every secret).
import { normaliseBaseUrl } from "@/lib/ai/base-url";
import { PRESETS } from "@/lib/ai/presets";
import { secretsToReenter } from "@/lib/ai/secrets-follow-origin";
import { forgetEndpoint, type EndpointConfig } from "@/lib/ai/providers";
import { recordAudit, type Actor } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { getSetting, setSetting } from "@/lib/db/settings";
import { AppError } from "@/lib/errors";
import type { Endpoint, Model, Prisma } from "@/lib/generated/prisma/client";
import type { EndpointInput } from "@/lib/schemas/endpoints";
import { decryptSecret, encryptSecret, secretHint } from "@/lib/secrets";
import { probeResultSchema, type EndpointView, type ModelView } from "@/lib/types/endpoints";

export const endpointConfigSelect = {
  id: true,
  name: true,
  kind: true,
  baseUrl: true,
  useChatCompletions: true,
  apiKeyCiphertext: true,
  headersCiphertext: true,
  timeoutMs: true,
  idleTimeoutMs: true,
  updatedAt: true,
} satisfies Prisma.EndpointSelect;

export function toModelView(model: Model, defaultModelId: string | null): ModelView {
  return {
    id: model.id,
    name: model.name,
    displayName: model.displayName,
    enabled: model.enabled,
    source: model.source === "manual" ? "manual" : "discovered",
    listed: model.listed,
    toolsOk: model.toolsOk,
    isDefault: model.id === defaultModelId,
    contextWindow: model.contextWindow,
  };
}

export function toEndpointView(endpoint: Endpoint & { models: Model[] }, defaultModelId: string | null): EndpointView {
  const probe = endpoint.probe === null ? null : probeResultSchema.safeParse(endpoint.probe);
  return {
    id: endpoint.id,
    name: endpoint.name,
    kind: endpoint.kind,
    preset: endpoint.preset,
    baseUrl: endpoint.baseUrl,
    useChatCompletions: endpoint.useChatCompletions,
    hasApiKey: endpoint.apiKeyCiphertext !== null,
    apiKeyHint: endpoint.apiKeyHint,
    headerNames: endpoint.headerNames,
    timeoutSeconds: Math.round(endpoint.timeoutMs / 1000),
    idleTimeoutSeconds: Math.round(endpoint.idleTimeoutMs / 1000),
    enabled: endpoint.enabled,
    origin: endpoint.origin,
    probe: probe?.success ? probe.data : null,
    probedAt: endpoint.probedAt?.toISOString() ?? null,
    modelsFetchedAt: endpoint.modelsFetchedAt?.toISOString() ?? null,
    modelsCheckedAt: endpoint.modelsCheckedAt?.toISOString() ?? null,
    modelsError: endpoint.modelsError,
    modelsErrorStatus: endpoint.modelsErrorStatus,
    updatedAt: endpoint.updatedAt.toISOString(),
    models: [...endpoint.models].sort((a, b) => a.name.localeCompare(b.name)).map((model) => toModelView(model, defaultModelId)),
  };
}

export async function listEndpointViews(): Promise<EndpointView[]> {
  const [endpoints, defaultModelId] = await Promise.all([
    db.endpoint.findMany({ include: { models: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    getSetting("defaultModelId"),
  ]);
  return endpoints.map((endpoint) => toEndpointView(endpoint, defaultModelId));
}

export async function getEndpointView(id: string): Promise<EndpointView> {
  const [endpoint, defaultModelId] = await Promise.all([
    db.endpoint.findUnique({ where: { id }, include: { models: true } }),
    getSetting("defaultModelId"),
  ]);
  if (!endpoint) throw new AppError("not_found", "That endpoint does not exist (it may have been deleted).");
  return toEndpointView(endpoint, defaultModelId);
}

export async function getEndpointConfig(id: string): Promise<EndpointConfig> {
  const endpoint = await db.endpoint.findUnique({ where: { id }, select: endpointConfigSelect });
  if (!endpoint) throw new AppError("not_found", "That endpoint does not exist (it may have been deleted).");
  return endpoint;
}

function parseBaseUrl(input: string): { url: string; notes: string[] } {
  const result = normaliseBaseUrl(input);
  if (!result.ok) throw new AppError("validation", result.error, { fields: { baseUrl: result.error } });
  return { url: result.url, notes: result.notes };
}

type StoredHeaders = { ciphertext: string | null; names: string[] };

/** Merges the submitted header list with the stored values (an empty value keeps the stored one). */
function mergeHeaders(submitted: EndpointInput["headers"], storedCiphertext: string | null): StoredHeaders | null {
  if (submitted === undefined) return null;
  const stored: Record<string, string> = storedCiphertext ? (JSON.parse(decryptSecret(storedCiphertext)) as Record<string, string>) : {};
  const merged: Record<string, string> = {};
  for (const header of submitted) {
    const value = header.value ? header.value : stored[header.name];
    if (value === undefined) {
      throw new AppError("validation", `Enter a value for the “${header.name}” header.`, { fields: { headers: `Enter a value for “${header.name}”.` } });
    }
    merged[header.name] = value;
  }
  const names = Object.keys(merged);
  return { ciphertext: names.length > 0 ? encryptSecret(JSON.stringify(merged)) : null, names };
}

function secretFields(apiKey: string | undefined, removeApiKey: boolean) {
  if (removeApiKey) return { apiKeyCiphertext: null, apiKeyHint: null };
  if (apiKey) return { apiKeyCiphertext: encryptSecret(apiKey), apiKeyHint: secretHint(apiKey) };
  return {};
}

export type SavedEndpoint = { endpoint: EndpointView; notes: string[] };

export async function createEndpoint(actor: Actor, input: EndpointInput, origin = "admin"): Promise<SavedEndpoint> {
  const preset = PRESETS[input.preset];
  const { url, notes } = parseBaseUrl(input.baseUrl || preset.baseUrl);
  const headers = mergeHeaders(input.headers ?? [], null);
  const created = await db.$transaction(async (tx) => {
    const endpoint = await tx.endpoint.create({
      data: {
        name: input.name,
        kind: preset.kind,
        preset: preset.id,
        baseUrl: url,
        useChatCompletions: preset.kind === "openai" && input.useChatCompletions,
        ...secretFields(input.apiKey, false),
        headersCiphertext: headers?.ciphertext ?? null,
        headerNames: headers?.names ?? [],
        timeoutMs: input.timeoutSeconds * 1000,
        idleTimeoutMs: input.idleTimeoutSeconds * 1000,
        enabled: input.enabled,
        origin,
      },
      include: { models: true },
    });
    await recordAudit(tx, actor, {
      action: "endpoint.create",
      targetType: "endpoint",
      targetId: endpoint.id,
      summary: `Added endpoint “${endpoint.name}” (${preset.label}) at ${url}`,
      details: { name: endpoint.name, preset: preset.id, baseUrl: url, apiKey: input.apiKey ? "set" : "none", headers: headers?.names ?? [] },
    });
    return endpoint;
  });
  return { endpoint: toEndpointView(created, null), notes };
}

export async function updateEndpoint(actor: Actor, id: string, patch: Partial<EndpointInput>): Promise<SavedEndpoint> {
  const current = await db.endpoint.findUnique({ where: { id } });
  if (!current) throw new AppError("not_found", "That endpoint does not exist (it may have been deleted).");
  const preset = patch.preset ? PRESETS[patch.preset] : null;
  const base = patch.baseUrl !== undefined ? parseBaseUrl(patch.baseUrl) : null;
  if (base) {
    // Stored secrets follow their server: a move to another origin needs them entered again.
    const reenter = secretsToReenter(current.baseUrl, base.url, {
      hasStoredKey: current.apiKeyCiphertext !== null,
      newKeyGiven: Boolean(patch.apiKey),
      removeKey: patch.removeApiKey ?? false,
      headersKeptWithoutValue:
        patch.headers === undefined ? current.headerNames : patch.headers.filter((header) => !header.value && current.headerNames.includes(header.name)).map((header) => header.name),
    });
    if (reenter) {
      throw new AppError("validation", "The base URL points to another server, so the stored API key and header values must be entered again (or removed) before saving.", {
        fields: reenter,
      });
    }
  }
  const headers = mergeHeaders(patch.headers, current.headersCiphertext);
  const kind = preset?.kind ?? current.kind;
  const data: Prisma.EndpointUpdateInput = {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(preset ? { preset: preset.id, kind } : {}),
    ...(base ? { baseUrl: base.url } : {}),
    ...(patch.useChatCompletions !== undefined || preset ? { useChatCompletions: kind === "openai" && (patch.useChatCompletions ?? current.useChatCompletions) } : {}),
    ...secretFields(patch.apiKey, patch.removeApiKey ?? false),
    ...(headers ? { headersCiphertext: headers.ciphertext, headerNames: headers.names } : {}),
    ...(patch.timeoutSeconds !== undefined ? { timeoutMs: patch.timeoutSeconds * 1000 } : {}),
    ...(patch.idleTimeoutSeconds !== undefined ? { idleTimeoutMs: patch.idleTimeoutSeconds * 1000 } : {}),
    ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
  };
  const changed = Object.keys(data).filter((key) => !["apiKeyCiphertext", "apiKeyHint", "headersCiphertext"].includes(key));
  const keyChange = patch.removeApiKey ? "removed" : patch.apiKey ? "replaced" : "unchanged";
  const [updated, defaultModelId] = await db.$transaction(async (tx) => {
    const endpoint = await tx.endpoint.update({ where: { id }, data, include: { models: true } });
    await recordAudit(tx, actor, {
      action: "endpoint.update",
      targetType: "endpoint",
      targetId: id,
      summary: `Changed endpoint “${endpoint.name}”${changed.length ? `: ${changed.join(", ")}` : ""}${keyChange !== "unchanged" ? ` (API key ${keyChange})` : ""}`,
      details: {
        changed,
        apiKey: keyChange,
        ...(base ? { baseUrl: { from: current.baseUrl, to: base.url } } : {}),
        ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
        ...(headers ? { headers: headers.names } : {}),
      },
    });
    return [endpoint, await getSetting("defaultModelId", tx)] as const;
  });
  return { endpoint: toEndpointView(updated, defaultModelId), notes: base?.notes ?? [] };
}

export async function deleteEndpoint(actor: Actor, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const endpoint = await tx.endpoint.findUnique({ where: { id }, include: { models: { select: { id: true } } } });
    if (!endpoint) throw new AppError("not_found", "That endpoint does not exist (it may have been deleted).");
    const defaultId = await getSetting("defaultModelId", tx);
    await tx.endpoint.delete({ where: { id } });
    if (defaultId && endpoint.models.some((model) => model.id === defaultId)) await setSetting("defaultModelId", null, tx);
    await recordAudit(tx, actor, {
      action: "endpoint.delete",
      targetType: "endpoint",
      targetId: id,
      summary: `Deleted endpoint “${endpoint.name}” and its ${endpoint.models.length} model(s)`,
      details: { name: endpoint.name, baseUrl: endpoint.baseUrl },
    });
  });
  forgetEndpoint(id);
}
