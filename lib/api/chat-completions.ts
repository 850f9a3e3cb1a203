import "server-only";
// POST /v1/chat/completions: OpenAI's Chat Completions wire format over lib/api/run.ts, streamed
// (chat.completion.chunk events, usage with stream_options.include_usage, then [DONE]) or not.
import { fromChatMessages } from "@/lib/api/chat-messages";
import type { ApiCaller } from "@/lib/api/authenticate";
import { openAiErrorBody } from "@/lib/api/openai-errors";
import { startApiRun, type ApiEvent, type ApiFinishReason, type ApiRun, type ApiToolChoice, type ApiUsage } from "@/lib/api/run";
import { sseFrame, sseResponse } from "@/lib/api/sse";
import { resolveApiTarget } from "@/lib/api/targets";
import { toAppError } from "@/lib/errors";
import { enforceRateLimit } from "@/lib/http/rate-limit";
import type { ChatCompletionRequest } from "@/lib/schemas/openai-api";

/** A client asks to keep the exchange in its sidebar with `store: true` or this header. */
export const STORE_HEADER = "x-switchboard-store";
/** A client that wants the assistant's server-side tool steps as extra SSE events sets this header. */
export const TOOL_EVENTS_HEADER = "x-switchboard-tool-events";

export function wantsStore(body: { store?: boolean | null }, headers: Headers): boolean {
  return body.store === true || /^(1|true|yes)$/i.test(headers.get(STORE_HEADER) ?? "");
}

function toolChoiceOf(choice: ChatCompletionRequest["tool_choice"]): ApiToolChoice | undefined {
  if (choice === undefined || typeof choice === "string") return choice;
  return { name: choice.function.name };
}

const usageBody = (usage: ApiUsage) => ({
  prompt_tokens: usage.inputTokens,
  completion_tokens: usage.outputTokens,
  total_tokens: usage.inputTokens + usage.outputTokens,
});

export async function createChatCompletion(caller: ApiCaller, body: ChatCompletionRequest, req: Request): Promise<Response> {
  const target = await resolveApiTarget(caller.user, body.model);
  const messages = fromChatMessages(body.messages);
  await enforceRateLimit("chat", caller.user.id);
  const run = await startApiRun({
    caller,
    target,
    messages,
    clientTools: (body.tools ?? []).map((definition) => ({
      name: definition.function.name,
      description: definition.function.description,
      parameters: definition.function.parameters,
    })),
    toolChoice: toolChoiceOf(body.tool_choice),
    settings: {
      temperature: body.temperature,
      topP: body.top_p,
      maxOutputTokens: body.max_completion_tokens ?? body.max_tokens,
      stopSequences: body.stop === null || body.stop === undefined ? undefined : typeof body.stop === "string" ? [body.stop] : body.stop,
      seed: body.seed,
      presencePenalty: body.presence_penalty,
      frequencyPenalty: body.frequency_penalty,
    },
    store: wantsStore(body, req.headers),
    signal: req.signal,
  });
  if (body.stream) {
    const toolEvents = /^(1|true|yes)$/i.test(req.headers.get(TOOL_EVENTS_HEADER) ?? "");
    return sseResponse(chunkFrames(run, body.stream_options?.include_usage === true, toolEvents));
  }
  return Response.json(await completionOf(run));
}

type ToolCallOut = { id: string; type: "function"; function: { name: string; arguments: string } };

async function completionOf(run: ApiRun) {
  let text = "";
  const toolCalls: ToolCallOut[] = [];
  let finishReason: ApiFinishReason = "stop";
  let usage: ApiUsage = { inputTokens: 0, outputTokens: 0 };
  for await (const event of run.events) {
    if (event.type === "text") text += event.text;
    else if (event.type === "tool-call") toolCalls.push({ id: event.id, type: "function", function: { name: event.name, arguments: event.arguments } });
    else if (event.type === "finish") {
      finishReason = event.finishReason;
      usage = event.usage;
    }
  }
  return {
    id: run.id,
    object: "chat.completion" as const,
    created: run.created,
    model: run.model,
    system_fingerprint: null,
    choices: [
      {
        index: 0,
        message: { role: "assistant" as const, content: toolCalls.length > 0 && !text ? null : text, refusal: null, ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}) },
        logprobs: null,
        finish_reason: finishReason,
      },
    ],
    usage: usageBody(usage),
  };
}

async function* chunkFrames(run: ApiRun, includeUsage: boolean, toolEvents: boolean): AsyncGenerator<string, void, undefined> {
  const chunk = (delta: Record<string, unknown>, finishReason: ApiFinishReason | null = null) => ({
    id: run.id,
    object: "chat.completion.chunk",
    created: run.created,
    model: run.model,
    system_fingerprint: null,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  });
  let toolIndex = 0;
  let usage: ApiUsage | null = null;
  try {
    yield sseFrame(chunk({ role: "assistant", content: "" }));
    for await (const event of run.events as AsyncIterable<ApiEvent>) {
      switch (event.type) {
        case "text":
          yield sseFrame(chunk({ content: event.text }));
          break;
        case "tool-call":
          yield sseFrame(chunk({ tool_calls: [{ index: toolIndex++, id: event.id, type: "function", function: { name: event.name, arguments: event.arguments } }] }));
          break;
        case "server-tool":
          if (toolEvents) {
            const { type: _type, ...step } = event;
            yield sseFrame({ object: "switchboard.tool_step", response_id: run.id, ...step }, "switchboard.tool_step");
          }
          break;
        case "finish":
          usage = event.usage;
          yield sseFrame(chunk({}, event.finishReason));
          break;
      }
    }
    if (includeUsage && usage) yield sseFrame({ ...chunk({}), choices: [], usage: usageBody(usage) });
    yield sseFrame("[DONE]");
  } catch (error) {
    // After the first token the status is sent: the error is the stream's last event (OpenAI's shape).
    yield sseFrame(openAiErrorBody(toAppError(error)));
  } finally {
    await run.events.return(undefined).catch(() => undefined);
  }
}
