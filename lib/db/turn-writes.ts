import "server-only";
// The two writes of a chat turn, one SQL statement each. At the start: the user's message, a
// "streaming" placeholder for the answer (so a crash leaves a trace), the conversation's activity
// and its selected branch (the new answer), refused while another answer is being written. Nothing
// is deleted: an edit or a regenerate adds a sibling (lib/chat/branches.ts). At the end: the
// answer, once. Ownership (userId) is part of every statement. Row types: lib/db/raw-rows.ts.
import { searchTextOf } from "@/lib/chat/parts";
import { db } from "@/lib/db/client";
import type { BeginTurnRow, FinishTurnRow, ResumeTurnRow } from "@/lib/db/raw-rows";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ChatPart, MessageStatus } from "@/lib/types/chat";

export type BeginTurnInput = {
  userId: string;
  conversationId: string;
  /** Create the conversation in the same statement (first message of a new chat). */
  create?: { title: string; assistantId?: string | null; assistantVersionId?: string | null };
  /**
   * The user's new message and the message it follows (null: a first question); null when re-running
   * a stored question (Retry / Regenerate).
   */
  userMessage: { id: string; parts: ChatPart[]; parentId: string | null } | null;
  /** The answer's placeholder; it follows the question it answers (`parentId`) and becomes the selected leaf. */
  assistant: { id: string; parentId: string; modelId: string; modelName: string; endpointName: string };
  runnerId: string;
  /** The model the user picked, remembered on the conversation. */
  pickedModelId: string | null;
};

export type BeginTurnResult = "started" | "busy" | "not_found";

/** beginTurn's outcomes: also "duplicate" when the user's message id was stored already (a retried send). */
export type BeginNewTurnResult = BeginTurnResult | "duplicate";

/** True for PostgreSQL's unique violation (23505), however the driver adapter wraps it. */
function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const seen = new Set<unknown>();
  for (let current: unknown = error; typeof current === "object" && current !== null && !seen.has(current); ) {
    seen.add(current);
    const record = current as { code?: unknown; meta?: { code?: unknown; driverAdapterError?: unknown }; cause?: unknown; originalCode?: unknown; kind?: unknown };
    if (record.code === "23505" || record.code === "P2002" || record.originalCode === "23505" || record.kind === "UniqueConstraintViolation") return true;
    if (record.meta?.code === "23505") return true;
    current = record.meta?.driverAdapterError ?? record.cause;
  }
  return false;
}

function messageRows(input: BeginTurnInput, now: Date) {
  const rows: Prisma.Sql[] = [];
  if (input.userMessage) {
    rows.push(Prisma.sql`(${input.userMessage.id}::uuid, ${input.userMessage.parentId}::uuid, 'user'::"MessageRole", ${JSON.stringify(input.userMessage.parts)}::jsonb,
      'complete'::"MessageStatus", NULL, NULL::uuid, NULL, NULL, ${searchTextOf(input.userMessage.parts)}, ${now}::timestamp)`);
  }
  const { assistant } = input;
  // One millisecond later, so the answer always sorts after the question.
  rows.push(Prisma.sql`(${assistant.id}::uuid, ${assistant.parentId}::uuid, 'assistant'::"MessageRole", '[]'::jsonb, 'streaming'::"MessageStatus",
    ${input.runnerId}, ${assistant.modelId}::uuid, ${assistant.modelName}, ${assistant.endpointName}, NULL, ${new Date(now.getTime() + 1)}::timestamp)`);
  return Prisma.join(rows);
}

const INSERT_MESSAGES = Prisma.sql`INSERT INTO "Message" (id, "parentId", "conversationId", role, parts, status, "runnerId", "modelId", "modelName", "endpointName", "searchText", "createdAt")
  SELECT v.id, v.parent_id, conv.id, v.role, v.parts, v.status, v.runner, v.model_id, v.model_name, v.endpoint_name, v.search_text, v.created_at FROM conv, (VALUES`;
const VALUES_ALIAS = Prisma.sql`) AS v(id, parent_id, role, parts, status, runner, model_id, model_name, endpoint_name, search_text, created_at) RETURNING id`;

const ONE_STREAMING_INDEX = "Message_one_streaming_per_conversation";
// How the driver adapter reports a raw statement's unique violation (Prisma's P2010).
const uniqueViolationSchema = z.object({
  meta: z.object({ driverAdapterError: z.object({ cause: z.object({ originalCode: z.literal("23505"), constraint: z.object({ index: z.string() }) }) }) }),
});

/** True for the error of a second "streaming" message in one conversation (see the migration "one_streaming_answer"). */
export function isOneStreamingViolation(error: unknown): boolean {
  const parsed = uniqueViolationSchema.safeParse(error);
  return parsed.success && parsed.data.meta.driverAdapterError.cause.constraint.index === ONE_STREAMING_INDEX;
}

/** beginTurn's statement for an existing conversation; rows: beginTurnRowSchema. */
export function beginTurnStatement(input: BeginTurnInput, now: Date, rows: Prisma.Sql = messageRows(input, now)) {
  const userMessageId = input.userMessage?.id ?? null;
  return Prisma.sql`WITH conv AS (
      UPDATE "Conversation" c SET "lastMessageAt" = ${now}::timestamp, "updatedAt" = ${now}::timestamp,
        "modelId" = COALESCE(${input.pickedModelId}::uuid, c."modelId"), "activeLeafId" = ${input.assistant.id}::uuid
      WHERE c.id = ${input.conversationId}::uuid AND c."userId" = ${input.userId}::uuid
        AND NOT EXISTS (SELECT 1 FROM "Message" m WHERE m."conversationId" = c.id AND m.status = 'streaming')
        AND NOT EXISTS (SELECT 1 FROM "Message" d WHERE d.id = ${userMessageId}::uuid)
      RETURNING c.id
    ), msgs AS (${INSERT_MESSAGES} ${rows} ${VALUES_ALIAS})
    SELECT (SELECT count(*) FROM conv)::int AS updated,
      EXISTS (SELECT 1 FROM "Conversation" WHERE id = ${input.conversationId}::uuid AND "userId" = ${input.userId}::uuid) AS owned,
      EXISTS (SELECT 1 FROM "Message" d WHERE d.id = ${userMessageId}::uuid) AS duplicate`;
}

/**
 * Runs a statement that may write a "streaming" message: when another instance started a turn in
 * the same conversation meanwhile, the partial unique index on streaming messages refuses the write
 * (the statement's NOT EXISTS guard cannot see the other's uncommitted row), and the turn is busy.
 */
async function busyOnUniqueViolation<T>(run: () => Promise<T>): Promise<T | "busy"> {
  try {
    return await run();
  } catch (error) {
    if (isOneStreamingViolation(error)) return "busy";
    throw error;
  }
}

/**
 * Starts a turn in one statement. A user message whose id is stored already is not written again
 * ("duplicate"): a retried send never starts a second turn. The primary key makes that hold when two
 * copies of the request race.
 */
export async function beginTurn(input: BeginTurnInput): Promise<BeginNewTurnResult> {
  try {
    return await busyOnUniqueViolation(() => writeTurnStart(input));
  } catch (error) {
    if (input.userMessage && isUniqueViolation(error)) return "duplicate";
    throw error;
  }
}

async function writeTurnStart(input: BeginTurnInput): Promise<BeginNewTurnResult> {
  const now = new Date();
  const rows = messageRows(input, now);
  if (input.create) {
    await db.$executeRaw`WITH conv AS (
        INSERT INTO "Conversation" (id, "userId", title, "modelId", "assistantId", "assistantVersionId", "activeLeafId", "createdAt", "updatedAt", "lastMessageAt")
        VALUES (${input.conversationId}::uuid, ${input.userId}::uuid, ${input.create.title}, ${input.pickedModelId}::uuid,
          ${input.create.assistantId ?? null}::uuid, ${input.create.assistantVersionId ?? null}::uuid, ${input.assistant.id}::uuid, ${now}::timestamp, ${now}::timestamp, ${now}::timestamp)
        RETURNING id
      ), msgs AS (${INSERT_MESSAGES} ${rows} ${VALUES_ALIAS})
      SELECT count(*) FROM msgs`;
    return "started";
  }
  const result = await db.$queryRaw<BeginTurnRow[]>(beginTurnStatement(input, now, rows));
  const row = result[0];
  if (row && row.updated > 0) return "started";
  if (!row?.owned) return "not_found";
  return row.duplicate ? "duplicate" : "busy";
}

export type ResumeTurnResult = BeginTurnResult | "stale";

export type ResumeTurnInput = {
  userId: string;
  conversationId: string;
  messageId: string;
  parts: ChatPart[];
  /** The approval requests answered: each must still be open. */
  approvalIds: string[];
  runnerId: string;
};

/** resumeTurn's statement; rows: resumeTurnRowSchema. */
export function resumeTurnStatement(input: ResumeTurnInput, now: Date) {
  const open = JSON.stringify(input.approvalIds.map((id) => ({ state: "approval-requested", approval: { id } })));
  return Prisma.sql`WITH conv AS (
      UPDATE "Conversation" c SET "lastMessageAt" = ${now}::timestamp, "updatedAt" = ${now}::timestamp
      WHERE c.id = ${input.conversationId}::uuid AND c."userId" = ${input.userId}::uuid
        AND NOT EXISTS (SELECT 1 FROM "Message" m WHERE m."conversationId" = c.id AND m.status = 'streaming')
      RETURNING c.id
    ), msg AS (
      UPDATE "Message" m SET status = 'streaming', "runnerId" = ${input.runnerId}, parts = ${JSON.stringify(input.parts)}::jsonb, error = NULL
      WHERE m.id = ${input.messageId}::uuid AND m.role = 'assistant' AND m."conversationId" IN (SELECT id FROM conv)
        AND m.status <> 'streaming' AND m.parts @> ${open}::jsonb
      RETURNING m.id
    )
    SELECT (SELECT count(*) FROM msg)::int AS updated,
      EXISTS (SELECT 1 FROM "Conversation" WHERE id = ${input.conversationId}::uuid AND "userId" = ${input.userId}::uuid) AS owned,
      EXISTS (SELECT 1 FROM "Message" WHERE "conversationId" = ${input.conversationId}::uuid AND status = 'streaming') AS busy`;
}

/**
 * Continues an answer after the user answered its approval requests: its parts (with the answers)
 * are written and it becomes "streaming" again, in one statement, refused while another answer in
 * the conversation is being written, and "stale" unless every answered request is still open in the
 * stored answer (an approval resumed twice runs its action once).
 */
export async function resumeTurn(input: ResumeTurnInput): Promise<ResumeTurnResult> {
  const run = () => db.$queryRaw<ResumeTurnRow[]>(resumeTurnStatement(input, new Date()));
  const rows = await busyOnUniqueViolation(run);
  if (rows === "busy") return "busy";
  const row = rows[0];
  if (row && row.updated > 0) return "started";
  if (!row?.owned) return "not_found";
  return row.busy ? "busy" : "stale";
}

export type FinishTurnInput = {
  userId: string;
  messageId: string;
  parts: ChatPart[];
  status: Exclude<MessageStatus, "streaming">;
  error: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  ttftMs: number | null;
  durationMs: number | null;
  /**
   * For the partial answer of a turn whose lease was retired: written only while the row is still
   * that lease's ("streaming") or was marked interrupted by a sweep, never over a later turn's state.
   */
  retiredLease?: string;
};

export type FinishTurnResult = {
  /** False when the conversation was deleted meanwhile: nothing was written. */
  saved: boolean;
  /**
   * Set when this is the conversation's first complete answer: its title now and the question that
   * opened it, so a better title can be asked for (lib/chat/generate-title.ts).
   */
  firstAnswer: { title: string; question: string } | null;
};

/** finishTurnMessage's statement; rows: finishTurnRowSchema. */
export function finishTurnStatement(input: FinishTurnInput) {
  return Prisma.sql`UPDATE "Message" m SET parts = ${JSON.stringify(input.parts)}::jsonb,
      status = ${input.status}::"MessageStatus", error = ${input.error}, "inputTokens" = ${input.inputTokens}::int,
      "outputTokens" = ${input.outputTokens}::int, "ttftMs" = ${input.ttftMs}::int, "durationMs" = ${input.durationMs}::int, "runnerId" = NULL,
      "searchText" = ${searchTextOf(input.parts)}
    FROM "Conversation" c
    WHERE m.id = ${input.messageId}::uuid AND c.id = m."conversationId" AND c."userId" = ${input.userId}::uuid
      AND (${input.retiredLease ?? null}::text IS NULL OR (m.status = 'streaming' AND m."runnerId" = ${input.retiredLease ?? null}::text)
        OR (m.status = 'interrupted' AND m."runnerId" IS NULL))
    RETURNING c.title, CASE WHEN m.status = 'complete' AND NOT EXISTS (
        SELECT 1 FROM "Message" o WHERE o."conversationId" = m."conversationId" AND o.role = 'assistant' AND o.status = 'complete' AND o.id <> m.id)
      THEN (SELECT u."searchText" FROM "Message" u WHERE u."conversationId" = m."conversationId" AND u.role = 'user' ORDER BY u."createdAt", u.id LIMIT 1)
      END AS question`;
}

/**
 * Writes the answer over its placeholder, in one statement that also says whether it is the
 * conversation's first complete answer (the time to give it a title).
 */
export async function finishTurnMessage(input: FinishTurnInput): Promise<FinishTurnResult> {
  const rows = await db.$queryRaw<FinishTurnRow[]>(finishTurnStatement(input));
  const row = rows[0];
  if (!row) return { saved: false, firstAnswer: null };
  return { saved: true, firstAnswer: row.question ? { title: row.title, question: row.question } : null };
}
