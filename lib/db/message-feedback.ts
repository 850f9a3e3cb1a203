import "server-only";
// Thumbs up / down on answers: one vote per answer, by the conversation's owner, and the counts per
// model that admins see.
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { FeedbackValue } from "@/lib/types/chat";

const NOT_FOUND = "That answer does not exist (its conversation may have been deleted).";

/** Sets (or, with null, clears) the user's vote on one of their answers. Ownership is in the WHERE. */
export async function setMessageFeedback(userId: string, messageId: string, value: FeedbackValue | null): Promise<{ id: string; feedback: FeedbackValue | null }> {
  const count = await db.$executeRaw`UPDATE "Message" m SET feedback = ${value}::smallint
    FROM "Conversation" c
    WHERE m.id = ${messageId}::uuid AND m.role = 'assistant' AND c.id = m."conversationId" AND c."userId" = ${userId}::uuid`;
  if (count === 0) throw new AppError("not_found", NOT_FOUND);
  return { id: messageId, feedback: value };
}

export type ModelFeedback = { modelName: string | null; up: number; down: number };

/** Votes per model (the name the answer was given under), most votes first. */
export async function countFeedbackByModel(): Promise<ModelFeedback[]> {
  return db.$queryRaw<ModelFeedback[]>`SELECT "modelName",
      count(*) FILTER (WHERE feedback = 1)::int AS up,
      count(*) FILTER (WHERE feedback = -1)::int AS down
    FROM "Message" WHERE feedback IS NOT NULL
    GROUP BY "modelName"
    ORDER BY count(*) DESC, "modelName" NULLS LAST`;
}
