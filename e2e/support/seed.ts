// Test data written straight into the e2e database (E2E_DATABASE_URL, created by `npm run test:e2e`):
// model endpoints for chat specs, without going through the admin UI.
import { randomUUID } from "node:crypto";
import pg from "pg";

function databaseUrl(): string {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set. Run the suite with `npm run test:e2e`.");
  return url;
}

export async function withDatabase<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export type SeededModel = { endpointId: string; modelId: string; endpointName: string; modelName: string };

/**
 * Adds an enabled OpenAI-compatible endpoint with one enabled model. With `makeDefault` (the
 * default), it becomes the instance's default model.
 */
export async function seedModel(options: { baseUrl: string; endpointName?: string; modelName?: string; makeDefault?: boolean }): Promise<SeededModel> {
  const endpointId = randomUUID();
  const modelId = randomUUID();
  const endpointName = options.endpointName ?? `Fake ${endpointId.slice(0, 8)}`;
  const modelName = options.modelName ?? "fake-model";
  await withDatabase(async (client) => {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "Endpoint" (id, name, kind, preset, "baseUrl", "timeoutMs", enabled, "updatedAt")
       VALUES ($1, $2, 'openai_compatible', 'custom', $3, 10000, true, now())`,
      [endpointId, endpointName, options.baseUrl],
    );
    await client.query(`INSERT INTO "Model" (id, "endpointId", name, enabled, source, "updatedAt") VALUES ($1, $2, $3, true, 'manual', now())`, [
      modelId,
      endpointId,
      modelName,
    ]);
    if (options.makeDefault !== false) await setDefaultModel(client, modelId);
    await client.query("COMMIT");
  });
  return { endpointId, modelId, endpointName, modelName };
}

/** Setting values are JSON: the model id is stored as a JSON string. */
export async function setDefaultModel(client: pg.Client, modelId: string | null): Promise<void> {
  await client.query(
    `INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('defaultModelId', $1::jsonb, now())
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = now()`,
    [JSON.stringify(modelId)],
  );
}

/** Disables every enabled model and returns their ids (to re-enable them with enableModels). */
export async function disableAllModels(): Promise<string[]> {
  return withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>(`UPDATE "Model" SET enabled = false, "updatedAt" = now() WHERE enabled RETURNING id`);
    return rows.map((row) => row.id);
  });
}

export async function enableModels(ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await withDatabase((client) => client.query(`UPDATE "Model" SET enabled = true, "updatedAt" = now() WHERE id = ANY($1::uuid[])`, [ids]));
}

/** Points an endpoint somewhere else (the app picks the change up on the next message). */
export async function setEndpointBaseUrl(endpointId: string, baseUrl: string): Promise<void> {
  await withDatabase((client) => client.query(`UPDATE "Endpoint" SET "baseUrl" = $2, "updatedAt" = now() WHERE id = $1`, [endpointId, baseUrl]));
}

export type StoredMessageRow = { role: string; status: string; text: string; error: string | null; modelName: string | null; outputTokens: number | null; ttftMs: number | null; durationMs: number | null };

/** The stored messages of a conversation, oldest first, with their text joined. */
export async function storedMessages(conversationId: string): Promise<StoredMessageRow[]> {
  return withDatabase(async (client) => {
    const { rows } = await client.query<StoredMessageRow>(
      `SELECT role::text, status::text, error, "modelName", "outputTokens", "ttftMs", "durationMs",
              COALESCE((SELECT string_agg(p->>'text', '') FROM jsonb_array_elements(parts) p WHERE p->>'type' = 'text'), '') AS text
       FROM "Message" WHERE "conversationId" = $1 ORDER BY "createdAt", id`,
      [conversationId],
    );
    return rows;
  });
}

export async function userIdByEmail(email: string): Promise<string> {
  return withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
    const id = rows[0]?.id;
    if (!id) throw new Error(`No user ${email}`);
    return id;
  });
}

/** Links seeded messages as one line (each follows the one before) and shows its newest message, as the app writes them. */
const LINK_SEEDED_MESSAGES = [
  `UPDATE "Message" m SET "parentId" = o.previous
   FROM (SELECT id, lag(id) OVER (PARTITION BY "conversationId" ORDER BY "createdAt", id) AS previous FROM "Message" WHERE "conversationId" = ANY($1::uuid[])) o
   WHERE m.id = o.id AND o.previous IS NOT NULL`,
  `UPDATE "Conversation" c SET "activeLeafId" = (SELECT m.id FROM "Message" m WHERE m."conversationId" = c.id ORDER BY m."createdAt" DESC, m.id DESC LIMIT 1)
   WHERE c.id = ANY($1::uuid[])`,
];

export type SeedConversation = {
  title: string;
  lastMessageAt: Date;
  /** Alternating as given; written with the text search reads, like the app writes it. */
  messages?: Array<{ role: "user" | "assistant"; text: string }>;
};

/** Writes conversations (and their messages) for a user straight into the database; returns their ids in order. */
export async function seedConversations(userId: string, conversations: SeedConversation[]): Promise<string[]> {
  return withDatabase(async (client) => {
    const ids: string[] = [];
    await client.query("BEGIN");
    for (const conversation of conversations) {
      const id = randomUUID();
      ids.push(id);
      await client.query(
        `INSERT INTO "Conversation" (id, "userId", title, "createdAt", "updatedAt", "lastMessageAt") VALUES ($1, $2, $3, $4, $4, $4)`,
        [id, userId, conversation.title, conversation.lastMessageAt],
      );
      for (const [index, message] of (conversation.messages ?? []).entries()) {
        await client.query(
          `INSERT INTO "Message" (id, "conversationId", role, parts, status, "searchText", "createdAt")
           VALUES ($1, $2, $3::"MessageRole", $4::jsonb, 'complete', $5, $6)`,
          [randomUUID(), id, message.role, JSON.stringify([{ type: "text", text: message.text }]), message.text, new Date(conversation.lastMessageAt.getTime() - 1000 + index)],
        );
      }
    }
    for (const statement of LINK_SEEDED_MESSAGES) await client.query(statement, [ids]);
    await client.query("COMMIT");
    return ids;
  });
}

/** The title a conversation has in the database now. */
export async function storedTitle(conversationId: string): Promise<string | null> {
  return withDatabase(async (client) => {
    const { rows } = await client.query<{ title: string }>(`SELECT title FROM "Conversation" WHERE id = $1`, [conversationId]);
    return rows[0]?.title ?? null;
  });
}
