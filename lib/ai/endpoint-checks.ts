import "server-only";
// Admin actions that talk to an endpoint: add one (and list its models at once), refresh its model
// list, and run the capability probe. They store what they learn, so pages render from the database
// and never wait on a server.
import { discoverModels } from "@/lib/ai/discovery";
import { probeEndpoint } from "@/lib/ai/probe";
import type { Actor } from "@/lib/db/audit";
import { createEndpoint, getEndpointConfig, getEndpointView, type SavedEndpoint } from "@/lib/db/endpoints";
import { recordDiscovery, recordDiscoveryFailure, recordProbe } from "@/lib/db/models";
import { db } from "@/lib/db/client";
import type { EndpointInput } from "@/lib/schemas/endpoints";
import type { EndpointView } from "@/lib/types/endpoints";

/**
 * Adds an endpoint and fetches its model list on save (bounded by the discovery timeout), so a new
 * endpoint opens with its models, or with the reason they could not be listed.
 */
export async function addEndpoint(actor: Actor, input: EndpointInput): Promise<SavedEndpoint> {
  const saved = await createEndpoint(actor, input);
  return { ...saved, endpoint: await refreshEndpointModels(saved.endpoint.id) };
}

export async function refreshEndpointModels(endpointId: string): Promise<EndpointView> {
  const endpoint = await getEndpointConfig(endpointId);
  const discovery = await discoverModels(endpoint);
  if (discovery.ok) await recordDiscovery(endpointId, discovery.models, discovery.contextWindows);
  else await recordDiscoveryFailure(endpointId, discovery.failure);
  return getEndpointView(endpointId);
}

/** Probes with the given model, else the endpoint's default/first enabled model, else the first listed. */
export async function testEndpoint(endpointId: string, modelName?: string): Promise<EndpointView> {
  const endpoint = await getEndpointConfig(endpointId);
  const preferred =
    modelName ??
    (await db.model.findFirst({ where: { endpointId, enabled: true }, orderBy: { name: "asc" }, select: { name: true } }))?.name ??
    null;
  const { result, discovered } = await probeEndpoint(endpoint, preferred);
  if (discovered) await recordDiscovery(endpointId, discovered);
  else {
    const models = result.checks.find((check) => check.id === "models");
    if (models && !models.ok) await recordDiscoveryFailure(endpointId, models);
  }
  const tools = result.checks.find((check) => check.id === "tools");
  await recordProbe(endpointId, result, result.model, tools && !tools.skipped ? tools.ok : null);
  return getEndpointView(endpointId);
}

const RECHECK_AFTER_MS = 60_000;

/** Which endpoints the overview re-checks in the background: enabled ones not checked in the last minute. */
export function endpointsDueForRecheck(endpoints: EndpointView[]): string[] {
  const now = Date.now();
  return endpoints
    .filter((endpoint) => endpoint.enabled && (!endpoint.modelsCheckedAt || now - Date.parse(endpoint.modelsCheckedAt) > RECHECK_AFTER_MS))
    .map((endpoint) => endpoint.id);
}
