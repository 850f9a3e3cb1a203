import "server-only";
// The user's answers to tool approval requests (actions that are not GET ask first). Pure: applied
// to the stored parts of the answer that asked, before that answer is continued on the server.
import { AppError } from "@/lib/errors";
import { isToolPart, type ChatPart } from "@/lib/types/chat";

export type ApprovalAnswer = { id: string; approved: boolean; reason?: string };

export const DENIED_BY_USER = "The user denied this call.";
export const NOT_OPEN = "That approval request is no longer open. Reload the conversation.";
const UNANSWERED = "Approve or deny every pending tool call of this answer first.";

/** True when the answer stopped to ask the user about one or more tool calls. */
export function hasPendingApprovals(parts: ReadonlyArray<ChatPart>): boolean {
  return parts.some((part) => isToolPart(part) && part.state === "approval-requested");
}

/**
 * The parts with every pending request answered. Every answer must match a pending request of this
 * message, and every pending request must be answered (a call without its result can't go back to
 * the model). A denial without a reason gets one, so the model is told in words.
 */
export function applyApprovals(parts: ReadonlyArray<ChatPart>, answers: ReadonlyArray<ApprovalAnswer>): ChatPart[] {
  const byId = new Map(answers.map((answer) => [answer.id, answer]));
  const used = new Set<string>();
  const next = parts.map((part): ChatPart => {
    if (!isToolPart(part) || part.state !== "approval-requested") return part;
    const answer = byId.get(part.approval.id);
    if (!answer) throw new AppError("conflict", UNANSWERED);
    used.add(answer.id);
    const reason = answer.reason?.trim() || (answer.approved ? undefined : DENIED_BY_USER);
    return {
      type: part.type,
      toolCallId: part.toolCallId,
      state: "approval-responded",
      input: part.input,
      approval: { id: part.approval.id, approved: answer.approved, ...(reason ? { reason } : {}) },
    };
  });
  if (used.size !== byId.size) throw new AppError("conflict", NOT_OPEN);
  return next;
}
