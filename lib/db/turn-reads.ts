import "server-only";
// The reads of a chat turn, one statement each: the conversation with its messages, and the model
// that answers (requested, else the default, else any enabled one). The hot path avoids Prisma's
// nested reads, which cost a statement per relation.
import type { ResolvedModel } from "@/lib/ai/models";
import type { StoredMessage } from "@/lib/chat/history";
import { db } from "@/lib/db/client";
import type { EndpointKind } from "@/lib/generated/prisma/client";

export type TurnConversation = {
  id: string;
  modelId: string | null;
  assistantId: string | null;
  assistantVersionId: string | null;
  messages: StoredMessage[];
};

/** The user's conversation with its messages (oldest first), or null. Ownership is in the WHERE. */
export async function loadTurnConversation(userId: string, conversationId: string): Promise<TurnConversation | null> {
  const rows = await db.$queryRaw<TurnConversation[]>`
    SELECT c.id, c."modelId", c."assistantId", c."assistantVersionId",
      COALESCE((
        SELECT json_agg(json_build_object('id', m.id, 'role', m.role, 'parts', m.parts, 'status', m.status, 'error', m.error,
          'modelName', m."modelName", 'endpointName', m."endpointName") ORDER BY m."createdAt", m.id)
        FROM "Message" m WHERE m."conversationId" = c.id
      ), '[]'::json) AS messages
    FROM "Conversation" c
    WHERE c.id = ${conversationId}::uuid AND c."userId" = ${userId}::uuid`;
  return rows[0] ?? null;
}

type ModelRow = {
  id: string;
  name: string;
  displayName: string | null;
  toolsOk: boolean | null;
  endpointId: string;
  endpointName: string;
  kind: EndpointKind;
  baseUrl: string;
  useChatCompletions: boolean;
  apiKeyCiphertext: string | null;
  headersCiphertext: string | null;
  timeoutMs: number;
  updatedAt: Date;
};

/**
 * The model for a turn in one statement: the requested one when it and its endpoint are enabled,
 * otherwise the default, otherwise the oldest enabled model; null when none is usable.
 */
export async function resolveTurnModel(requestedId: string | null): Promise<ResolvedModel | null> {
  const rows = await db.$queryRaw<ModelRow[]>`
    SELECT m.id, m.name, m."displayName", m."toolsOk", e.id AS "endpointId", e.name AS "endpointName", e.kind, e."baseUrl",
      e."useChatCompletions", e."apiKeyCiphertext", e."headersCiphertext", e."timeoutMs", e."updatedAt"
    FROM "Model" m JOIN "Endpoint" e ON e.id = m."endpointId"
    WHERE m.enabled AND e.enabled
    ORDER BY (m.id = ${requestedId}::uuid) IS TRUE DESC,
      (m.id::text = (SELECT s.value #>> '{}' FROM "Setting" s WHERE s.key = 'defaultModelId')) IS TRUE DESC,
      m."createdAt" ASC, m.id ASC
    LIMIT 1`;
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    label: row.displayName || row.name,
    toolsOk: row.toolsOk,
    endpoint: {
      id: row.endpointId,
      name: row.endpointName,
      kind: row.kind,
      baseUrl: row.baseUrl,
      useChatCompletions: row.useChatCompletions,
      apiKeyCiphertext: row.apiKeyCiphertext,
      headersCiphertext: row.headersCiphertext,
      timeoutMs: row.timeoutMs,
      updatedAt: row.updatedAt,
    },
  };
}
