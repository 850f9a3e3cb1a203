import "server-only";
// Runs a prepared turn: streams the model's answer to the browser and saves it once, at the end.
// The response body is read to its end whatever the browser does (lib/chat/detached-body.ts):
// closing the tab does not stop the answer, only Stop (which aborts the turn's signal) does.
import { convertToModelMessages, createUIMessageStreamResponse, isStepCount, streamText, toUIMessageStream, type TextStreamPart, type ToolSet } from "ai";
import { endpointSecrets, getLanguageModel } from "@/lib/ai/providers";
import { reportModelError } from "@/lib/ai/user-facing-error";
import { assistantRecord, finishTurn, saveTurnEnd } from "@/lib/chat/finish-turn";
import { catchStreamErrors } from "@/lib/chat/catch-stream-errors";
import { detachedBody } from "@/lib/chat/detached-body";
import { toModelHistory } from "@/lib/chat/history";
import { toStorableParts } from "@/lib/chat/parts";
import type { Turn } from "@/lib/chat/prepare-turn";
import { createTurnMetrics } from "@/lib/chat/turn-metrics";
import { isToolCallError, toolErrorText, toolsForTurn } from "@/lib/chat/turn-tools";
import { recordTurnEnd } from "@/lib/metrics/registry";
import { CONVERSATION_ID_HEADER, type ChatMessageMetadata, type ChatUIMessage } from "@/lib/types/chat";

export async function streamTurn(turn: Turn): Promise<Response> {
  const { model, handle } = turn;
  try {
    const { metrics, observe } = createTurnMetrics();
    let failure: string | null = null;
    // The user's sentence (no endpoint URL or host) with a reference; the log gets the full cause.
    const describe = (error: unknown): string => {
      failure ??= reportModelError(error, model.endpoint, endpointSecrets(model.endpoint)).message;
      return failure;
    };

    const settings = turn.assistant;
    const tools = await toolsForTurn(settings);
    const hasTools = Object.keys(tools).length > 0;
    const result = streamText({
      model: getLanguageModel(model.endpoint, model.name),
      // The assistant's instructions come from the database, never from the browser.
      ...(settings?.instructions ? { instructions: settings.instructions } : {}),
      ...(settings?.temperature !== null && settings?.temperature !== undefined ? { temperature: settings.temperature } : {}),
      ...(settings?.maxOutputTokens ? { maxOutputTokens: settings.maxOutputTokens } : {}),
      // The oldest messages that don't fit the model's context window are left out (lib/chat/fit-history.ts).
      messages: await convertToModelMessages(toModelHistory(turn.history.slice(turn.omittedMessages), turn.continuing ? turn.answerId : null)),
      // Tools come from the assistant's stored settings only. maxToolSteps counts the steps that
      // call tools; one more lets the model answer with their results.
      ...(hasTools ? { tools, stopWhen: isStepCount((settings?.maxToolSteps ?? 5) + 1) } : {}),
      abortSignal: handle.signal,
      // 429/5xx before the first token are retried in the provider's fetch (lib/ai/providers.ts),
      // honouring Retry-After; the SDK's own retries would repeat them.
      maxRetries: 0,
      onError: ({ error }) => {
        if (!handle.signal.aborted) describe(error);
      },
    });

    const { answerId: assistantId } = turn;
    const startMetadata: ChatMessageMetadata = {
      modelName: model.label,
      endpointName: model.endpoint.name,
      ...(turn.omittedMessages > 0 ? { omittedMessages: turn.omittedMessages } : {}),
    };
    // A regenerated answer arrives with its alternatives, so its switcher shows while it streams.
    if (turn.answerSiblingIds) startMetadata.siblingIds = turn.answerSiblingIds;
    const stream = toUIMessageStream<ToolSet, ChatUIMessage>({
      // The answer ends at the model's first error (a malformed chunk too): the browser stops there,
      // so what is saved is what was shown. A failed tool call is not the answer's end.
      stream: catchStreamErrors(
        result.stream,
        (error): TextStreamPart<ToolSet> => ({ type: "error", error }),
        observe,
        (part) => part.type === "error" && !isToolCallError(part.error),
      ),
      originalMessages: turn.history,
      generateMessageId: () => assistantId,
      messageMetadata: ({ part }) => (part.type === "start" ? startMetadata : undefined),
      // A failed tool call is that call's error (shown in its card, told to the model); the turn goes on.
      onError: (error) => (isToolCallError(error) ? toolErrorText(error) : describe(error)),
      onEnd: async ({ responseMessage }) => {
        try {
          const stopped = handle.signal.aborted;
          if (!stopped && metrics.hasError) describe(metrics.error);
          await finishTurn(
            assistantRecord({
              userId: turn.userId,
              conversationId: turn.conversationId,
              message: { id: assistantId, parts: responseMessage.parts },
              model,
              metrics,
              end: { stopped, failure: stopped ? null : failure },
              endedAt: Date.now(),
            }),
            turn.lease,
          );
        } finally {
          handle.finish();
        }
      },
    });

    // No consumeSseStream tee: detachedBody reads the answer to its end even when the browser leaves.
    const response = createUIMessageStreamResponse({
      stream,
      headers: {
        [CONVERSATION_ID_HEADER]: turn.conversationId,
        // no-transform keeps Next's gzip (and proxies) from compressing and buffering the token
        // stream: compression cost CPU per token and delayed tokens. X-Accel-Buffering: nginx.
        "Cache-Control": "no-cache, no-transform",
        "X-Accel-Buffering": "no",
      },
    });
    return response.body ? new Response(detachedBody(response.body), { status: response.status, headers: response.headers }) : response;
  } catch (error) {
    // Nothing streamed: the placeholder must not stay "streaming" (it would block the conversation).
    // The request fails now; the write goes on trying (or retires the lease) on its own.
    const kept = turn.continuing ? (turn.history.at(-1)?.parts ?? []) : [];
    recordTurnEnd({ source: "chat", status: "error", endpoint: model.endpoint.name, model: model.label, ttftMs: null, durationMs: null, inputTokens: null, outputTokens: null });
    void saveTurnEnd(
      {
        userId: turn.userId,
        messageId: turn.answerId,
        parts: toStorableParts(kept),
        status: "error",
        error: "The answer could not be started. Try again.",
        inputTokens: null,
        outputTokens: null,
        ttftMs: null,
        durationMs: null,
      },
      turn.lease,
    ).finally(() => handle.finish());
    throw error;
  }
}
