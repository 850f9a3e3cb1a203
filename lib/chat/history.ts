import "server-only";
// Rebuilds a conversation from stored rows: the messages the UI shows (with how each turn ended),
// and the history the model gets. The browser never supplies history.
import { parseStoredParts, partsText, UNFINISHED_TOOL_CALL } from "@/lib/chat/parts";
import { isToolPart, type ChatMessageMetadata, type ChatPart, type ChatToolPart, type ChatUIMessage, type MessageStatus } from "@/lib/types/chat";

export type StoredMessage = {
  id: string;
  /** The message this one follows (lib/chat/branches.ts); null for a first question. */
  parentId?: string | null;
  /** Set on a message that has alternatives (edits, regenerations): all of their ids, oldest first. */
  siblingIds?: string[];
  role: "user" | "assistant";
  parts: unknown;
  status: MessageStatus;
  error: string | null;
  modelName: string | null;
  endpointName: string | null;
  /** The owner's vote on an answer (not read on the turn path). */
  feedback?: number | null;
  /** How many older messages this answer's request left out (not read on the turn path). */
  omittedMessages?: number | null;
};

/** Stored rows (oldest first) as UI messages; the turn's outcome rides along as metadata. */
export function toChatMessages(rows: ReadonlyArray<StoredMessage>): ChatUIMessage[] {
  return rows.map((row) => {
    const metadata: ChatMessageMetadata = { status: row.status };
    if (row.siblingIds && row.siblingIds.length > 1) metadata.siblingIds = row.siblingIds;
    if (row.role === "assistant") {
      metadata.error = row.error;
      metadata.modelName = row.modelName;
      metadata.endpointName = row.endpointName;
      if (row.feedback === 1 || row.feedback === -1) metadata.feedback = row.feedback;
      if (row.omittedMessages) metadata.omittedMessages = row.omittedMessages;
    }
    return { id: row.id, role: row.role, parts: parseStoredParts(row.parts) as ChatUIMessage["parts"], metadata };
  });
}

/** What the model is told about an approval request the user never answered (they wrote on instead). */
export const UNANSWERED_APPROVAL = "The user did not approve this call: they went on without answering the request.";

/**
 * A stored tool call as the model may see it. A call saved without a result (the server stopped
 * mid-call, or a turn ended while the tool ran) becomes an error result, and an approval request
 * left unanswered becomes a denial, so the next request never carries a call without its result
 * (providers refuse those). Only the message being continued keeps its approval answers as they are.
 */
export function repairToolPart(part: ChatToolPart, continuing: boolean): ChatToolPart {
  switch (part.state) {
    case "input-available":
      return { type: part.type, toolCallId: part.toolCallId, state: "output-error", input: part.input, errorText: UNFINISHED_TOOL_CALL };
    case "approval-requested":
      return continuing ? part : { type: part.type, toolCallId: part.toolCallId, state: "output-denied", input: part.input, approval: { id: part.approval.id, approved: false, reason: UNANSWERED_APPROVAL } };
    case "approval-responded":
      if (continuing) return part;
      return part.approval.approved
        ? { type: part.type, toolCallId: part.toolCallId, state: "output-error", input: part.input, errorText: UNFINISHED_TOOL_CALL }
        : { type: part.type, toolCallId: part.toolCallId, state: "output-denied", input: part.input, approval: { id: part.approval.id, approved: false, ...(part.approval.reason ? { reason: part.approval.reason } : {}) } };
    default:
      return part;
  }
}

type ModelTurn = { role: "user" | "assistant"; parts: ChatPart[] };

/**
 * The history sent to the model: text and tool calls with their results (reasoning is not sent
 * back; tool calls are repaired, see repairToolPart), assistant messages with nothing to send are
 * left out (a failed turn with nothing to show), and consecutive messages of one role are joined so
 * roles alternate, as many chat templates insist. `continuingId` names the answer being continued
 * after the user answered its approval requests.
 */
export function toModelHistory(messages: ReadonlyArray<ChatUIMessage>, continuingId: string | null = null): Array<Omit<ChatUIMessage, "id">> {
  const turns: ModelTurn[] = [];
  for (const message of messages) {
    if (message.role !== "user" && message.role !== "assistant") continue;
    const parts = message.parts as ChatPart[];
    let kept: ChatPart[];
    if (message.role === "user") {
      const text = partsText(parts);
      kept = text.trim() ? [{ type: "text", text }] : [];
    } else {
      const continuing = message.id === continuingId;
      kept = parts.flatMap((part): ChatPart[] => {
        if (part.type === "text") return part.text.trim() ? [part] : [];
        if (part.type === "step-start") return [part];
        if (isToolPart(part)) return [repairToolPart(part, continuing)];
        return [];
      });
      if (!kept.some(isToolPart)) {
        // Text only: one text part, as it always was.
        const text = partsText(kept);
        kept = text.trim() ? [{ type: "text", text }] : [];
      }
    }
    if (kept.length === 0) continue;
    const last = turns.at(-1);
    if (last && last.role === message.role) {
      if (message.role === "user") {
        const previous = last.parts[0];
        const text = partsText(kept);
        last.parts = [{ type: "text", text: previous?.type === "text" ? `${previous.text}\n\n${text}` : text }];
      } else if (!last.parts.some(isToolPart) && !kept.some(isToolPart)) {
        last.parts = [{ type: "text", text: `${partsText(last.parts)}\n\n${partsText(kept)}` }];
      } else {
        last.parts = [...last.parts, { type: "step-start" }, ...kept];
      }
    } else {
      turns.push({ role: message.role, parts: kept });
    }
  }
  return turns.map((turn) => ({ role: turn.role, parts: turn.parts as ChatUIMessage["parts"] }));
}
