import "server-only";
// The row types of the chat turn's raw SQL (lib/db/turn-reads.ts, lib/db/turn-writes.ts,
// lib/chat/runner.ts), one zod schema per statement. The hot path does not parse (it was measured
// without), but the statements are typed from these schemas and lib/db/raw-rows.test.ts runs every
// statement and parses its rows with them: a schema change fails a test instead of a turn.
import { z } from "zod";
import { EndpointKind, MessageRole, MessageStatus } from "@/lib/generated/prisma/enums";

/** The model that answers with its endpoint: the columns `MODEL_COLUMNS` selects. */
const modelColumns = {
  id: z.string(),
  name: z.string(),
  displayName: z.string().nullable(),
  toolsOk: z.boolean().nullable(),
  contextWindow: z.number().int().nullable(),
  endpointId: z.string(),
  endpointName: z.string(),
  kind: z.enum(EndpointKind),
  baseUrl: z.string(),
  useChatCompletions: z.boolean(),
  apiKeyCiphertext: z.string().nullable(),
  headersCiphertext: z.string().nullable(),
  timeoutMs: z.number().int(),
  idleTimeoutMs: z.number().int(),
  updatedAt: z.date(),
};

/** resolveTurnModel: one enabled model, or no row. */
export const modelRowSchema = z.object(modelColumns);
export type ModelRow = z.infer<typeof modelRowSchema>;

/** A stored message as the turn reads it (json_build_object in loadTurnContext). */
export const turnMessageSchema = z.object({
  id: z.string(),
  /** The message this one follows (lib/chat/branches.ts); null for a first question. */
  parentId: z.string().nullable(),
  role: z.enum(MessageRole),
  parts: z.unknown(),
  status: z.enum(MessageStatus),
  error: z.string().nullable(),
  modelName: z.string().nullable(),
  endpointName: z.string().nullable(),
});

/** The user's conversation with its messages (row_to_json in loadTurnContext). */
export const turnConversationSchema = z.object({
  id: z.string(),
  modelId: z.string().nullable(),
  assistantId: z.string().nullable(),
  assistantVersionId: z.string().nullable(),
  /** The leaf of the branch the user sees (lib/chat/branches.ts). */
  activeLeafId: z.string().nullable(),
  /** Every message of every branch, oldest first. */
  messages: z.array(turnMessageSchema),
});
export type TurnConversation = z.infer<typeof turnConversationSchema>;

function nullableColumns<T extends Record<string, z.ZodType>>(shape: T) {
  return z.object(Object.fromEntries(Object.entries(shape).map(([key, value]) => [key, value.nullable()])) as { [K in keyof T]: z.ZodNullable<T[K]> });
}

/** loadTurnContext: always one row; the model's columns are all null when no model is usable. */
export const turnContextRowSchema = nullableColumns(modelColumns).extend({ conversation: turnConversationSchema.nullable() });
export type TurnContextRow = z.infer<typeof turnContextRowSchema>;

/** beginTurn (existing conversation): whether the conversation was updated, whether it is the user's, and whether the question is stored already. */
export const beginTurnRowSchema = z.object({ updated: z.number().int(), owned: z.boolean(), duplicate: z.boolean() });
export type BeginTurnRow = z.infer<typeof beginTurnRowSchema>;

/** resumeTurn: as beginTurn, and whether another answer is being written. */
export const resumeTurnRowSchema = z.object({ updated: z.number().int(), owned: z.boolean(), busy: z.boolean() });
export type ResumeTurnRow = z.infer<typeof resumeTurnRowSchema>;

/** finishTurnMessage: the conversation's title, and its first question when this is its first complete answer. */
export const finishTurnRowSchema = z.object({ title: z.string(), question: z.string().nullable() });
export type FinishTurnRow = z.infer<typeof finishTurnRowSchema>;

/** The runner's lease check: whether nobody holds the lease's lock. */
export const leaseFreeRowSchema = z.object({ free: z.boolean() });
export type LeaseFreeRow = z.infer<typeof leaseFreeRowSchema>;
