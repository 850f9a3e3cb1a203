import "server-only";
// Zero-click start: OPENAI_API_KEY (+ OPENAI_BASE_URL, DEFAULT_MODEL) or OPENAI_COMPATIBLE_BASE_URL
// (+ key, model) create an endpoint with one enabled default model on first start. Each source is
// seeded once, ever: what an admin changes or deletes later is never overwritten.
import { discoverModels } from "@/lib/ai/discovery";
import { PRESETS } from "@/lib/ai/presets";
import type { Actor } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { createEndpoint, getEndpointConfig } from "@/lib/db/endpoints";
import { recordDiscovery } from "@/lib/db/models";
import { getSetting, setSetting } from "@/lib/db/settings";
import { getEnv, type Env } from "@/lib/env";

const SYSTEM: Actor = { id: null, email: "Switchboard (from environment variables)" };
const SEED_LOCK = 774_202;
const DEFAULT_OPENAI_MODEL = "gpt-4.1-mini";

type Source = { id: "openai" | "openai_compatible"; preset: "openai" | "custom"; name: string; baseUrl: string; apiKey?: string; model?: string };

export function envSources(env: Pick<Env, "OPENAI_API_KEY" | "OPENAI_BASE_URL" | "DEFAULT_MODEL" | "OPENAI_COMPATIBLE_BASE_URL" | "OPENAI_COMPATIBLE_API_KEY" | "OPENAI_COMPATIBLE_MODEL">): Source[] {
  const sources: Source[] = [];
  if (env.OPENAI_API_KEY) {
    sources.push({
      id: "openai",
      preset: "openai",
      name: "OpenAI",
      baseUrl: env.OPENAI_BASE_URL ?? PRESETS.openai.baseUrl,
      apiKey: env.OPENAI_API_KEY,
      model: env.DEFAULT_MODEL ?? DEFAULT_OPENAI_MODEL,
    });
  }
  if (env.OPENAI_COMPATIBLE_BASE_URL) {
    sources.push({
      id: "openai_compatible",
      preset: "custom",
      name: "Self-hosted",
      baseUrl: env.OPENAI_COMPATIBLE_BASE_URL,
      apiKey: env.OPENAI_COMPATIBLE_API_KEY,
      model: env.OPENAI_COMPATIBLE_MODEL ?? (env.OPENAI_API_KEY ? undefined : env.DEFAULT_MODEL),
    });
  }
  return sources;
}

async function seedSource(source: Source, log: (line: string) => void): Promise<void> {
  const { endpoint } = await createEndpoint(
    SYSTEM,
    { name: source.name, preset: source.preset, baseUrl: source.baseUrl, apiKey: source.apiKey, removeApiKey: false, timeoutSeconds: 60, idleTimeoutSeconds: 60, enabled: true, useChatCompletions: false },
    "env",
  );
  let modelName = source.model;
  if (!modelName) {
    const discovery = await discoverModels(await getEndpointConfig(endpoint.id));
    if (discovery.ok) {
      await recordDiscovery(endpoint.id, discovery.models);
      modelName = discovery.models[0];
    } else {
      log(`Could not list the models of ${source.baseUrl}: ${discovery.failure.message}`);
    }
  }
  if (modelName) {
    const model = await db.model.upsert({
      where: { endpointId_name: { endpointId: endpoint.id, name: modelName } },
      create: { endpointId: endpoint.id, name: modelName, enabled: true, source: source.model ? "manual" : "discovered" },
      update: { enabled: true },
    });
    if (!(await getSetting("defaultModelId"))) await setSetting("defaultModelId", model.id);
  }
  log(`Created the “${source.name}” endpoint (${endpoint.baseUrl})${modelName ? ` with ${modelName} enabled` : ""} from environment variables.`);
}

export async function seedEndpointsFromEnv(log: (line: string) => void = (line) => console.log(`[switchboard] ${line}`)): Promise<void> {
  const sources = envSources(getEnv());
  if (sources.length === 0) return;
  // One instance seeds; the others wait for it and then find the sources already done.
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK})`;
      const seeded = await getSetting("seededEnvSources", tx);
      for (const source of sources.filter((item) => !seeded.includes(item.id))) {
        await seedSource(source, log);
        // Committed at once (not with the lock's transaction): a later failure must not re-seed this one.
        seeded.push(source.id);
        await setSetting("seededEnvSources", seeded);
      }
    },
    { timeout: 30_000 },
  );
}
