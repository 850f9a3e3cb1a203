// Bulk data for the benchmarks, written with set-based SQL so 500,000 messages take seconds.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { generateApiKey } from "@/lib/api/key-token";

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function seedModel(client: pg.Client, baseUrl: string, name: string, makeDefault: boolean): Promise<string> {
  const endpointId = randomUUID();
  const modelId = randomUUID();
  await client.query(
    `INSERT INTO "Endpoint" (id, name, kind, preset, "baseUrl", "timeoutMs", enabled, "updatedAt") VALUES ($1, $2, 'openai_compatible', 'custom', $3, 30000, true, now())`,
    [endpointId, name, baseUrl],
  );
  await client.query(`INSERT INTO "Model" (id, "endpointId", name, enabled, source, "updatedAt") VALUES ($1, $2, 'bench-model', true, 'manual', now())`, [modelId, endpointId]);
  if (makeDefault) {
    await client.query(`INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('defaultModelId', to_jsonb($1::text), now())
      ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [modelId]);
  }
  return modelId;
}

/** A personal API key for the user, stored as createApiKey stores it (prefix + SHA-256); returns the full key. */
export async function seedApiKey(client: pg.Client, owner: string): Promise<string> {
  const { key, prefix, secretHash } = generateApiKey();
  await client.query(`INSERT INTO "ApiKey" (id, "userId", name, prefix, "secretHash") VALUES ($1, $2, 'bench', $3, $4)`, [randomUUID(), owner, prefix, secretHash]);
  return key;
}

export async function userId(client: pg.Client, email: string): Promise<string> {
  const result = await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
  const id = result.rows[0]?.id;
  if (!id) throw new Error(`No user ${email}`);
  return id;
}

/**
 * `count` conversations of `perConversation` alternating user/assistant messages each, for a user.
 * Returns the conversation ids, newest first.
 */
export async function seedConversations(client: pg.Client, owner: string, count: number, perConversation: number, titlePrefix = "Bench"): Promise<string[]> {
  const result = await client.query<{ id: string }>(
    `INSERT INTO "Conversation" (id, "userId", title, "createdAt", "updatedAt", "lastMessageAt")
     SELECT gen_random_uuid(), $1, $2 || ' ' || g, now() - (g || ' minutes')::interval, now(), now() - (g || ' minutes')::interval
     FROM generate_series(1, $3) g RETURNING id`,
    [owner, titlePrefix, count],
  );
  const ids = result.rows.map((row) => row.id);
  await client.query(
    `INSERT INTO "Message" (id, "conversationId", role, parts, "searchText", status, "createdAt")
     SELECT gen_random_uuid(), c.id, (CASE WHEN g % 2 = 1 THEN 'user' ELSE 'assistant' END)::"MessageRole",
       jsonb_build_array(jsonb_build_object('type', 'text', 'text', t.text)), t.text,
       'complete', c."createdAt" + (g || ' milliseconds')::interval
     FROM "Conversation" c, generate_series(1, $2) g,
       LATERAL (SELECT 'Message number ' || g || ' of a benchmark conversation, with a few more words to be realistic.' AS text) t
     WHERE c.id = ANY($1::uuid[])`,
    [ids, perConversation],
  );
  // One line, each message following the one before, as the app writes them (lib/chat/branches.ts).
  await client.query(
    `UPDATE "Message" m SET "parentId" = o.previous
     FROM (SELECT id, lag(id) OVER (PARTITION BY "conversationId" ORDER BY "createdAt", id) AS previous FROM "Message" WHERE "conversationId" = ANY($1::uuid[])) o
     WHERE m.id = o.id AND o.previous IS NOT NULL`,
    [ids],
  );
  await client.query(
    `UPDATE "Conversation" c SET "activeLeafId" = (SELECT m.id FROM "Message" m WHERE m."conversationId" = c.id ORDER BY m."createdAt" DESC, m.id DESC LIMIT 1) WHERE c.id = ANY($1::uuid[])`,
    [ids],
  );
  return ids;
}
