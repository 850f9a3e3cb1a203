// Where a turn goes in the conversation's tree (lib/chat/branches.ts), decided from the stored rows
// before anything is written: the question's place (a new message follows the branch shown, an edit
// is a sibling of the edited question, a regenerate re-asks the question of the shown answer), the
// history the model gets (the path to the new question) and the answer's alternatives.
import { activePath, childIds } from "@/lib/chat/branches";
import { toChatMessages, type StoredMessage } from "@/lib/chat/history";
import { AppError } from "@/lib/errors";
import type { ChatRequest } from "@/lib/schemas/chat";
import type { ChatPart, ChatUIMessage } from "@/lib/types/chat";

const MESSAGE_NOT_FOUND = "That message does not exist any more. Reload the conversation.";

export type TurnPlan = {
  /** What the model gets: the path to the question answered, ending with it. */
  history: ChatUIMessage[];
  /** The question to write; null when a stored one is asked again (Retry / Regenerate). */
  userMessage: { id: string; parts: ChatPart[]; parentId: string | null } | null;
  /** The question the answer follows. */
  answerParentId: string;
  /** The answers that question already has (oldest first): a regenerate adds one beside them. */
  earlierAnswerIds: string[];
};

/**
 * Plans a turn over `rows` (every message of every branch, oldest first; empty for a new
 * conversation) whose selected leaf is `leafId`. `newId` is the new question's id (the browser's).
 * An edit of a message that is not a question of this conversation is a 404.
 */
export function planTurn(
  rows: ReadonlyArray<StoredMessage>,
  leafId: string | null,
  request: Pick<ChatRequest, "regenerate" | "editMessageId">,
  parts: ChatPart[],
  newId: string,
): TurnPlan {
  let base: StoredMessage[];
  let parentId: string | null;
  let userMessage: TurnPlan["userMessage"];
  if (request.editMessageId) {
    const edited = rows.find((row) => row.id === request.editMessageId && row.role === "user");
    if (!edited) throw new AppError("not_found", MESSAGE_NOT_FOUND);
    // The edited question stays (with its answers); the new one is its sibling.
    parentId = edited.parentId ?? null;
    base = parentId ? activePath(rows, parentId) : [];
    userMessage = { id: newId, parts, parentId };
  } else {
    base = activePath(rows, leafId);
    if (request.regenerate && base.at(-1)?.role === "assistant") base = base.slice(0, -1);
    const last = base.at(-1);
    // Retry / Regenerate: the question is stored already; it is asked again, not repeated.
    userMessage = request.regenerate && last?.role === "user" ? null : { id: newId, parts, parentId: last?.id ?? null };
    parentId = last?.id ?? null;
  }
  const history = toChatMessages(base);
  if (userMessage) history.push({ id: userMessage.id, role: "user", parts, metadata: { status: "complete" } });
  const answerParentId = userMessage?.id ?? parentId;
  if (!answerParentId) throw new AppError("not_found", MESSAGE_NOT_FOUND);
  return { history, userMessage, answerParentId, earlierAnswerIds: userMessage ? [] : childIds(rows, answerParentId) };
}
