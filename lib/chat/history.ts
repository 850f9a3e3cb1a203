import "server-only";
// Rebuilds a conversation from stored rows: the messages the UI shows (with how each turn ended),
// and the history the model gets. The browser never supplies history.
import { parseStoredParts } from "@/lib/chat/parts";
import type { ChatMessageMetadata, ChatUIMessage, MessageStatus } from "@/lib/types/chat";

export type StoredMessage = {
  id: string;
  role: "user" | "assistant";
  parts: unknown;
  status: MessageStatus;
  error: string | null;
  modelName: string | null;
  endpointName: string | null;
  /** The owner's vote on an answer (not read on the turn path). */
  feedback?: number | null;
};

/** Stored rows (oldest first) as UI messages; the turn's outcome rides along as metadata. */
export function toChatMessages(rows: ReadonlyArray<StoredMessage>): ChatUIMessage[] {
  return rows.map((row) => {
    const metadata: ChatMessageMetadata = { status: row.status };
    if (row.role === "assistant") {
      metadata.error = row.error;
      metadata.modelName = row.modelName;
      metadata.endpointName = row.endpointName;
      if (row.feedback === 1 || row.feedback === -1) metadata.feedback = row.feedback;
    }
    return { id: row.id, role: row.role, parts: parseStoredParts(row.parts), metadata };
  });
}

type ModelTurn = { role: "user" | "assistant"; text: string };

/**
 * The history sent to the model: text only (reasoning is not sent back), assistant messages that
 * produced no text are left out (a failed turn with nothing to show), and consecutive messages of
 * one role are joined so roles alternate, as many chat templates insist.
 */
export function toModelHistory(messages: ReadonlyArray<ChatUIMessage>): Array<Omit<ChatUIMessage, "id">> {
  const turns: ModelTurn[] = [];
  for (const message of messages) {
    if (message.role !== "user" && message.role !== "assistant") continue;
    const text = message.parts.map((part) => (part.type === "text" ? part.text : "")).join("");
    if (!text.trim()) continue;
    const last = turns.at(-1);
    if (last && last.role === message.role) last.text = `${last.text}\n\n${text}`;
    else turns.push({ role: message.role, text });
  }
  return turns.map((turn) => ({ role: turn.role, parts: [{ type: "text", text: turn.text }] }));
}
