import "server-only";
// POST /v1/responses: OpenAI's Responses API over lib/api/run.ts, streamed (`response.*` events,
// ending with response.completed) or not. Switchboard keeps no responses: a client sends the whole
// conversation in `input` each time. An assistant's server-side tool steps are not sent here: the
// SDKs' stream helpers refuse event types they do not know.
import { wantsStore } from "@/lib/api/chat-completions";
import type { ApiCaller } from "@/lib/api/authenticate";
import { openAiErrorBody } from "@/lib/api/openai-errors";
import { fromResponseInput } from "@/lib/api/response-input";
import { ResponseBuilder, responseEcho, type ResponseFailure } from "@/lib/api/response-output";
import { startApiRun, type ApiEvent, type ApiRun, type ApiToolChoice } from "@/lib/api/run";
import { sseFrame, sseResponse } from "@/lib/api/sse";
import { resolveApiTarget } from "@/lib/api/targets";
import { toAppError } from "@/lib/errors";
import { enforceRateLimit } from "@/lib/http/rate-limit";
import type { ResponsesRequest } from "@/lib/schemas/openai-api";

function toolChoiceOf(choice: ResponsesRequest["tool_choice"]): ApiToolChoice | undefined {
  if (choice === undefined || typeof choice === "string") return choice;
  return { name: choice.name };
}

export async function createResponse(caller: ApiCaller, body: ResponsesRequest, req: Request): Promise<Response> {
  const target = await resolveApiTarget(caller.user, body.model);
  const messages = fromResponseInput(body.input, body.instructions);
  await enforceRateLimit("chat", caller.user.id);
  const store = wantsStore(body, req.headers);
  const run = await startApiRun(
    {
      caller,
      target,
      messages,
      clientTools: (body.tools ?? []).map((definition) => ({ name: definition.name, description: definition.description, parameters: definition.parameters })),
      toolChoice: toolChoiceOf(body.tool_choice),
      settings: { temperature: body.temperature, topP: body.top_p, maxOutputTokens: body.max_output_tokens },
      store,
      signal: req.signal,
    },
    "resp_",
  );
  const builder = new ResponseBuilder(run, responseEcho(body, store));
  if (body.stream) return sseResponse(responseFrames(run, builder));
  return Response.json(await responseOf(run, builder));
}

/** Feeds one run event to the builder; returns the stream events it makes. */
function eventsOf(builder: ResponseBuilder, event: ApiEvent) {
  switch (event.type) {
    case "text":
      return builder.text(event.text);
    case "tool-call":
      return builder.toolCall(event);
    case "finish":
      return builder.finish(event.finishReason, event.usage);
    case "server-tool":
      return [];
  }
}

async function responseOf(run: ApiRun, builder: ResponseBuilder) {
  // A failure after the first event throws here, and the wrapper answers with its status.
  for await (const event of run.events) eventsOf(builder, event);
  return builder.response();
}

function failureOf(error: unknown): ResponseFailure {
  const appError = toAppError(error);
  const { code, message, param } = openAiErrorBody(appError).error;
  return { code, message, param, responseCode: appError.code === "rate_limited" ? "rate_limit_exceeded" : "server_error" };
}

async function* responseFrames(run: ApiRun, builder: ResponseBuilder): AsyncGenerator<string, void, undefined> {
  try {
    for (const event of builder.start()) yield sseFrame(event, event.type);
    for await (const runEvent of run.events) {
      for (const event of eventsOf(builder, runEvent)) yield sseFrame(event, event.type);
    }
  } catch (error) {
    // The status was sent with the first event: the failure is told in the stream, as OpenAI does.
    for (const event of builder.fail(failureOf(error))) yield sseFrame(event, event.type);
  } finally {
    await run.events.return(undefined).catch(() => undefined);
  }
}
