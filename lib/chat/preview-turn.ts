import "server-only";
// A turn of the builder's live preview: the unsaved settings with the preview's history, streamed
// back and never stored (unlike a conversation, the browser's history is all there is).
import { createUIMessageStreamResponse, isStepCount, streamText, toUIMessageStream, type TextStreamPart, type ToolSet } from "ai";
import { catchStreamErrors } from "@/lib/chat/catch-stream-errors";
import { isToolCallError, toolErrorText, toolsForTurn } from "@/lib/chat/turn-tools";
import { resolveModel } from "@/lib/ai/models";
import { endpointSecrets, getLanguageModel } from "@/lib/ai/providers";
import { reportModelError } from "@/lib/ai/user-facing-error";
import { AppError } from "@/lib/errors";
import type { PreviewRequest } from "@/lib/schemas/preview";
import { NO_MODEL_MESSAGE } from "@/lib/types/chat";

export async function streamPreview(request: PreviewRequest, abortSignal: AbortSignal): Promise<Response> {
  const model = await resolveModel(request.settings.modelId);
  if (!model) throw new AppError("conflict", NO_MODEL_MESSAGE);
  const { settings } = request;
  const tools = await toolsForTurn({ tools: settings.tools, actions: [] });
  const hasTools = Object.keys(tools).length > 0;
  const result = streamText({
    model: getLanguageModel(model.endpoint, model.name),
    ...(settings.instructions ? { instructions: settings.instructions } : {}),
    ...(settings.temperature !== null ? { temperature: settings.temperature } : {}),
    ...(settings.maxOutputTokens ? { maxOutputTokens: settings.maxOutputTokens } : {}),
    messages: request.messages.map((message) => ({ role: message.role, content: message.text })),
    ...(hasTools ? { tools, stopWhen: isStepCount(settings.maxToolSteps + 1) } : {}),
    maxRetries: 0,
    // A preview nobody watches any more is not worth finishing.
    abortSignal,
    onError: () => {},
  });
  return createUIMessageStreamResponse({
    stream: toUIMessageStream({
      stream: catchStreamErrors(result.stream, (error): TextStreamPart<ToolSet> => ({ type: "error", error })),
      // The builder's user sees no endpoint URL or host; the log has the cause under the reference.
      onError: (error) => (isToolCallError(error) ? toolErrorText(error) : reportModelError(error, model.endpoint, endpointSecrets(model.endpoint)).message),
    }),
    headers: { "Cache-Control": "no-cache, no-transform" },
  });
}
