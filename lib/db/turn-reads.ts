import "server-only";
// The reads of a chat turn, one statement each: the conversation with its messages, and the model
// that answers (requested, else the default, else any enabled one). The hot path avoids Prisma's
// nested reads, which cost a statement per relation. Row types: lib/db/raw-rows.ts.
import type { ResolvedModel } from "@/lib/ai/models";
import { db } from "@/lib/db/client";
import type { ModelRow, TurnContextRow, TurnConversation } from "@/lib/db/raw-rows";
import { Prisma } from "@/lib/generated/prisma/client";

export type { TurnConversation };

const MODEL_COLUMNS = Prisma.sql`m.id, m.name, m."displayName", m."toolsOk", m."contextWindow", e.id AS "endpointId", e.name AS "endpointName", e.kind, e."baseUrl",
      e."useChatCompletions", e."apiKeyCiphertext", e."headersCiphertext", e."timeoutMs", e."idleTimeoutMs", e."updatedAt"`;

/** Enabled models, best first: the wanted one, then the default, then the oldest. */
function modelQuery(wanted: Prisma.Sql) {
  return Prisma.sql`SELECT ${MODEL_COLUMNS}
    FROM "Model" m JOIN "Endpoint" e ON e.id = m."endpointId"
    WHERE m.enabled AND e.enabled
    ORDER BY (m.id = ${wanted}) IS TRUE DESC,
      (m.id::text = (SELECT s.value #>> '{}' FROM "Setting" s WHERE s.key = 'defaultModelId')) IS TRUE DESC,
      m."createdAt" ASC, m.id ASC
    LIMIT 1`;
}

/** resolveTurnModel's statement; rows: modelRowSchema. */
export const turnModelStatement = (requestedId: string | null) => modelQuery(Prisma.sql`${requestedId}::uuid`);

/**
 * The model for a turn in one statement: the requested one when it and its endpoint are enabled,
 * otherwise the default, otherwise the oldest enabled model; null when none is usable.
 */
export async function resolveTurnModel(requestedId: string | null): Promise<ResolvedModel | null> {
  const rows = await db.$queryRaw<ModelRow[]>(turnModelStatement(requestedId));
  return toResolvedModel(rows[0]);
}

export type TurnContext = { conversation: TurnConversation | null; model: ResolvedModel | null };

/** loadTurnContext's statement; rows: turnContextRowSchema. */
export function turnContextStatement(userId: string, conversationId: string | null, requestedModelId: string | null) {
  return Prisma.sql`
    WITH conv AS (
      SELECT c.id, c."modelId", c."assistantId", c."assistantVersionId", c."activeLeafId",
        COALESCE((
          SELECT json_agg(json_build_object('id', m.id, 'parentId', m."parentId", 'role', m.role, 'parts', m.parts, 'status', m.status, 'error', m.error,
            'modelName', m."modelName", 'endpointName', m."endpointName") ORDER BY m."createdAt", m.id)
          FROM "Message" m WHERE m."conversationId" = c.id
        ), '[]'::json) AS messages
      FROM "Conversation" c
      WHERE c.id = ${conversationId}::uuid AND c."userId" = ${userId}::uuid
    ), model AS (${modelQuery(Prisma.sql`COALESCE(${requestedModelId}::uuid, (SELECT "modelId" FROM conv))`)})
    SELECT (SELECT row_to_json(conv) FROM conv) AS conversation, model.*
    FROM (SELECT 1) AS one LEFT JOIN model ON true`;
}

/**
 * The start of a turn in one statement: the user's conversation with its messages (when one is
 * named; null when it is not theirs) and the model that answers (the requested one, else the
 * conversation's, else the default, else the oldest enabled one).
 */
export async function loadTurnContext(userId: string, conversationId: string | null, requestedModelId: string | null): Promise<TurnContext> {
  const rows = await db.$queryRaw<TurnContextRow[]>(turnContextStatement(userId, conversationId, requestedModelId));
  const row = rows[0];
  // The model's columns are all set or all null (LEFT JOIN); raw-rows.test.ts checks both.
  const model = row?.id ? toResolvedModel(row as ModelRow) : null;
  return { conversation: row?.conversation ?? null, model };
}

function toResolvedModel(row: ModelRow | undefined): ResolvedModel | null {
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    label: row.displayName || row.name,
    toolsOk: row.toolsOk,
    contextWindow: row.contextWindow,
    endpoint: {
      id: row.endpointId,
      name: row.endpointName,
      kind: row.kind,
      baseUrl: row.baseUrl,
      useChatCompletions: row.useChatCompletions,
      apiKeyCiphertext: row.apiKeyCiphertext,
      headersCiphertext: row.headersCiphertext,
      timeoutMs: row.timeoutMs,
      idleTimeoutMs: row.idleTimeoutMs,
      updatedAt: row.updatedAt,
    },
  };
}
