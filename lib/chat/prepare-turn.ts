import "server-only";
// The start of a turn: load the conversation (history comes from the database, never the browser),
// pick the model, and in one statement save the user's message with a "streaming" placeholder for
// the answer, before any model call. Edit and Regenerate add a sibling question or answer and keep
// the earlier ones (lib/chat/plan-turn.ts): nothing is deleted, so a failure loses nothing.
import { randomUUID } from "node:crypto";
import { resolveModel, type ResolvedModel } from "@/lib/ai/models";
import type { CurrentUser } from "@/lib/auth/session";
import { activePath } from "@/lib/chat/branches";
import { fitHistory } from "@/lib/chat/fit-history";
import { toChatMessages } from "@/lib/chat/history";
import { planTurn } from "@/lib/chat/plan-turn";
import { ensureStopListener } from "@/lib/chat/remote-stop";
import { holdRunnerLock, sweepInterruptedTurns, takeTurnLease, type TurnLease } from "@/lib/chat/runner";
import { startTurn, type TurnHandle } from "@/lib/chat/running-turns";
import { recordOmittedMessages } from "@/lib/db/conversation-messages";
import { loadTurnContext } from "@/lib/db/turn-reads";
import { beginTurn, resumeTurn, type BeginTurnInput } from "@/lib/db/turn-writes";
import { applyApprovals, NOT_OPEN } from "@/lib/chat/approvals";
import { assertCapacity } from "@/lib/chat/capacity";
import { assistantSettingsForTurn } from "@/lib/db/assistants";
import { AppError } from "@/lib/errors";
import type { AssistantConfig } from "@/lib/schemas/assistants";
import type { ChatRequest } from "@/lib/schemas/chat";
import { NO_MODEL_MESSAGE, type ChatPart, type ChatUIMessage } from "@/lib/types/chat";
import { titleFromMessage } from "@/lib/utils/conversation-title";

export type Turn = {
  userId: string;
  conversationId: string;
  /** The whole conversation from the database, ending with the user's message. */
  history: ChatUIMessage[];
  /** How many of the oldest messages of `history` are not sent: they don't fit the model's context window. */
  omittedMessages: number;
  /** Id of the answer's placeholder row, which the answer is written over. */
  answerId: string;
  /** A regenerated answer: the ids of all answers to its question (oldest first), for the switcher. */
  answerSiblingIds?: string[];
  /** True when the turn continues the last answer after the user answered its approval requests. */
  continuing: boolean;
  /** True for the first turn of a new conversation. */
  isNew: boolean;
  /** The assistant's settings when the conversation has one: its instructions go to the model here, on the server. */
  assistant: AssistantConfig | null;
  model: ResolvedModel;
  handle: TurnHandle;
  /** The turn's lease (lib/chat/runner.ts): released, or retired, when its end is written. */
  lease: TurnLease;
};

const BUSY = "An answer is still being written in this conversation. Wait for it, or press Stop.";
const ALREADY_SENT = "This message was sent already; it is not asked twice. Reload the conversation to see its answer.";
const NOT_FOUND = "That conversation does not exist (it may have been deleted).";
const NOTHING_TO_APPROVE = "There is no tool call waiting for your approval in this conversation. Reload it to see where it stands.";
const ASSISTANT_GONE = "The assistant of this conversation is no longer available to you. The conversation stays readable; start a new chat to go on.";

export async function prepareTurn(user: CurrentUser, request: ChatRequest): Promise<Turn> {
  const turn = await startTurnFor(user, request);
  const { omitted } = fitHistory(turn.history, {
    contextWindow: turn.model.contextWindow ?? null,
    instructions: turn.assistant?.instructions,
    maxOutputTokens: turn.assistant?.maxOutputTokens,
    toolCount: turn.assistant?.tools.length ?? 0,
  });
  // Only the note shown after a reload depends on this write: a failure must not cost the turn.
  if (omitted > 0) {
    await recordOmittedMessages(user.id, turn.answerId, omitted).catch((error: unknown) => {
      console.warn(`[switchboard] Could not note the messages left out of a turn: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
  return { ...turn, omittedMessages: omitted };
}

async function startTurnFor(user: CurrentUser, request: ChatRequest): Promise<Omit<Turn, "omittedMessages">> {
  // A full instance refuses before any database work (lib/chat/capacity.ts).
  assertCapacity();
  void holdRunnerLock();
  void ensureStopListener();
  const text = request.message?.text ?? "";
  const parts: ChatPart[] = [{ type: "text", text }];
  // One statement reads the conversation and the model that answers it.
  const context = await loadTurnContext(user.id, request.conversationId ?? null, request.modelId ?? null);
  const { conversation } = context;
  if (request.conversationId && !conversation) throw new AppError("not_found", NOT_FOUND);

  const assistantId = conversation ? conversation.assistantId : (request.assistantId ?? null);
  const assistant = assistantId ? await assistantSettingsForTurn(user, assistantId, conversation?.assistantVersionId ?? null) : null;
  if (assistantId && !assistant) {
    throw new AppError(conversation ? "conflict" : "not_found", conversation ? ASSISTANT_GONE : "That assistant does not exist, or it is not shared with you.");
  }

  // The assistant's preferred model applies when neither the request nor the conversation picked one
  // (that pick needs the assistant, read above, so it costs a second statement).
  const assistantModelId = request.modelId || conversation?.modelId ? null : (assistant?.config.modelId ?? null);
  const model = assistantModelId ? await resolveModel(assistantModelId) : context.model;
  if (!model) throw new AppError("conflict", NO_MODEL_MESSAGE);
  // Only a usable pick is remembered on the conversation; otherwise the default answered.
  const pickedModelId = request.modelId && request.modelId === model.id ? model.id : null;

  const conversationId = conversation?.id ?? randomUUID();
  const rows = conversation?.messages ?? [];
  if (request.approvals) {
    const stored = toChatMessages(activePath(rows, conversation?.activeLeafId ?? null));
    return resumeAfterApprovals(user, conversationId, stored, request.approvals, assistant?.config ?? null, model);
  }
  // The browser's id is the question's id; a regenerate re-asks a stored question and writes none.
  const plan = planTurn(rows, conversation?.activeLeafId ?? null, request, parts, (!request.regenerate && request.message?.id) || randomUUID());
  // A retried send (same message id): refused before it could wait for, or start, a second turn.
  if (plan.userMessage && rows.some((message) => message.id === plan.userMessage?.id)) throw new AppError("already_sent", ALREADY_SENT);
  const handle = startTurn(conversationId, user.id);
  if (!handle) throw new AppError("conflict", BUSY);

  const answerId = randomUUID();
  const lease = await takeTurnLease();
  const input: BeginTurnInput = {
    userId: user.id,
    conversationId,
    create: conversation
      ? undefined
      : { title: titleFromMessage(text), assistantId: assistant?.assistantId ?? null, assistantVersionId: assistant?.versionId ?? null },
    userMessage: plan.userMessage,
    assistant: { id: answerId, parentId: plan.answerParentId, modelId: model.id, modelName: model.label, endpointName: model.endpoint.name },
    runnerId: lease.id,
    pickedModelId,
  };
  try {
    let result = await beginTurn(input);
    // A turn left "streaming" by an instance that died must not block the conversation forever.
    if (result === "busy" && (await sweepInterruptedTurns({ conversationId })) > 0) result = await beginTurn(input);
    if (result === "duplicate") throw new AppError("already_sent", ALREADY_SENT);
    if (result === "busy") throw new AppError("conflict", BUSY);
    if (result === "not_found") throw new AppError("not_found", NOT_FOUND);
  } catch (error) {
    handle.finish();
    await lease.release();
    throw error;
  }
  return {
    userId: user.id,
    conversationId,
    history: plan.history,
    answerId,
    answerSiblingIds: plan.earlierAnswerIds.length > 0 ? [...plan.earlierAnswerIds, answerId] : undefined,
    continuing: false,
    isNew: !conversation,
    assistant: assistant?.config ?? null,
    model,
    handle,
    lease,
  };
}

/** The last answer goes on once the user approved or denied its pending tool calls. */
async function resumeAfterApprovals(
  user: CurrentUser,
  conversationId: string,
  stored: ChatUIMessage[],
  approvals: NonNullable<ChatRequest["approvals"]>,
  assistant: AssistantConfig | null,
  model: ResolvedModel,
): Promise<Omit<Turn, "omittedMessages">> {
  const last = stored.at(-1);
  if (!last || last.role !== "assistant" || last.metadata?.status === "streaming") throw new AppError("conflict", NOTHING_TO_APPROVE);
  const parts = applyApprovals(last.parts as ChatPart[], approvals);
  const handle = startTurn(conversationId, user.id);
  if (!handle) throw new AppError("conflict", BUSY);
  const lease = await takeTurnLease();
  try {
    const approvalIds = approvals.map((answer) => answer.id);
    const result = await resumeTurn({ userId: user.id, conversationId, messageId: last.id, parts, approvalIds, runnerId: lease.id });
    if (result === "busy") throw new AppError("conflict", BUSY);
    // Answered meanwhile (a second tab, a repeated request): the action must not run twice.
    if (result === "stale") throw new AppError("conflict", NOT_OPEN);
    if (result === "not_found") throw new AppError("not_found", NOT_FOUND);
  } catch (error) {
    handle.finish();
    await lease.release();
    throw error;
  }
  const answer: ChatUIMessage = { ...last, parts: parts as ChatUIMessage["parts"] };
  return {
    userId: user.id,
    conversationId,
    history: [...stored.slice(0, -1), answer],
    answerId: last.id,
    continuing: true,
    isNew: false,
    assistant,
    model,
    handle,
    lease,
  };
}
