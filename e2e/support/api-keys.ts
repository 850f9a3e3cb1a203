// API keys and assistants for the API specs, written straight into the database (the account page
// that creates keys is covered by api-keys.spec.ts).
import { randomUUID } from "node:crypto";
import { generateApiKey } from "../../lib/api/key-token";
import { withDatabase } from "./seed";

export async function seedApiKey(userId: string, name = "e2e key"): Promise<{ id: string; key: string }> {
  const { key, prefix, secretHash } = generateApiKey();
  const id = randomUUID();
  await withDatabase((client) =>
    client.query(`INSERT INTO "ApiKey" (id, "userId", name, prefix, "secretHash") VALUES ($1, $2, $3, $4, $5)`, [id, userId, name, prefix, secretHash]),
  );
  return { id, key };
}

export type SeedAssistant = { creatorId: string; name: string; instructions?: string; tools?: string[]; visibility?: "private" | "organisation"; modelId?: string | null };

/** An assistant with one version; returns its slug (its API model id is `assistant:<slug>`). */
export async function seedAssistant(options: SeedAssistant): Promise<{ id: string; slug: string }> {
  const id = randomUUID();
  const slug = `${options.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${id.slice(0, 6)}`;
  const config = { instructions: options.instructions ?? "", tools: options.tools ?? [], modelId: options.modelId ?? null };
  await withDatabase(async (client) => {
    await client.query(
      `INSERT INTO "Assistant" (id, slug, "creatorId", visibility, name, config, "updatedAt") VALUES ($1, $2, $3, $4::"AssistantVisibility", $5, $6::jsonb, now())`,
      [id, slug, options.creatorId, options.visibility ?? "private", options.name, JSON.stringify(config)],
    );
    await client.query(`INSERT INTO "AssistantVersion" (id, "assistantId", version, snapshot) VALUES ($1, $2, 1, $3::jsonb)`, [
      randomUUID(),
      id,
      JSON.stringify({ name: options.name, description: "", config }),
    ]);
  });
  return { id, slug };
}
