// What the browser may know about conversations and messages (safe to import from client components).
import type { ToolUIPart, UIMessage } from "ai";

export type MessageStatus = "complete" | "streaming" | "stopped" | "error" | "interrupted";

/** Where a tool call stands, as stored (the AI SDK's states, without "input-streaming"). */
export type ToolCallState = "input-available" | "approval-requested" | "approval-responded" | "output-available" | "output-error" | "output-denied";

/** A tool call and, once known, its result or error; `type` is "tool-" + the tool's name. */
export type ChatToolPart = Extract<ToolUIPart, { state: ToolCallState }>;

/** Message parts Switchboard stores and renders (a subset of the AI SDK's UIMessage parts). */
export type ChatPart =
  | { type: "text"; text: string }
  | { type: "reasoning"; text: string }
  | { type: "step-start" }
  | ChatToolPart;

export function isToolPart(part: { type: string }): part is ChatToolPart {
  return part.type.startsWith("tool-");
}

/** The tool's name from a tool part's type. */
export function toolNameOf(part: Pick<ChatToolPart, "type">): string {
  return part.type.slice("tool-".length);
}

/** Carried on UIMessage.metadata: how a stored turn ended and what answered it. */
export type ChatMessageMetadata = {
  status?: MessageStatus;
  /** The sentence shown where the answer would be (status "error"). */
  error?: string | null;
  modelName?: string | null;
  endpointName?: string | null;
  /** The owner's vote on an answer. */
  feedback?: FeedbackValue | null;
  /**
   * On a question that was edited or an answer that was regenerated: the ids of all its versions,
   * oldest first (this one among them), for the "‹ 2/3 ›" switcher.
   */
  siblingIds?: string[];
  /** How many of the oldest messages were not sent with this answer's request (context window). */
  omittedMessages?: number;
};

/** A vote on an answer: good (1) or bad (-1). */
export type FeedbackValue = 1 | -1;

export type ChatUIMessage = UIMessage<ChatMessageMetadata>;

export type ConversationSummary = {
  id: string;
  title: string;
  modelId: string | null;
  lastMessageAt: string;
  /** The assistant it talks to (null: a plain chat); `available: false` when it is gone for this user. */
  assistant?: { name: string; avatar: { type: "emoji" | "image"; value: string }; available: boolean } | null;
};

export type ConversationListPage = { conversations: ConversationSummary[]; nextCursor: string | null };

export type ConversationView = ConversationSummary & { messages: ChatUIMessage[] };

/** A page of a conversation's messages, oldest first; `hasOlder`: earlier ones exist. */
export type MessagePageView = { messages: ChatUIMessage[]; hasOlder: boolean };

/** A model a user may pick in the chat header. */
export type ModelOption = { id: string; label: string; endpointName: string; isDefault: boolean };

/** Response header that tells the browser which conversation a chat turn belongs to. */
export const CONVERSATION_ID_HEADER = "X-Conversation-Id";

/** What the chat says (and the API answers with a 409) while no model is usable. */
export const NO_MODEL_MESSAGE = "No model is connected yet. An admin needs to connect a model endpoint before you can chat.";
