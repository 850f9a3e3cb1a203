import "server-only";
// One API request's model run, shared by /v1/chat/completions and /v1/responses: the wire formats
// differ, the run does not. With a plain model the client's messages and tools go to the model
// through the one provider factory. With an assistant its instructions come first (the client's
// system messages follow, never replace them), and its tools, actions and step limit run here on
// the server; the client sees the text and only its own tools' calls. Errors before the first
// token surface as HTTP statuses (so SDK retries work); later ones end the stream.
import { isStepCount, jsonSchema, streamText, tool, type ModelMessage, type ToolChoice, type ToolSet } from "ai";
import { getLanguageModel } from "@/lib/ai/providers";
import type { ApiCaller } from "@/lib/api/authenticate";
import { modelCallError } from "@/lib/api/openai-errors";
import type { ApiTarget } from "@/lib/api/targets";
import { recordApiUsage } from "@/lib/api/usage";
import { assertCapacity, trackApiRun } from "@/lib/chat/capacity";
import { isToolCallError, toolsForTurn } from "@/lib/chat/turn-tools";
import { storeApiExchange, type StoredExchange } from "@/lib/db/api-conversations";
import { AppError } from "@/lib/errors";
import { recordTurnEnd, trackApiStream } from "@/lib/metrics/registry";

export type ClientTool = { name: string; description?: string | null; parameters?: Record<string, unknown> | null };

export type ApiToolChoice = "none" | "auto" | "required" | { name: string };

export type ApiRunRequest = {
  caller: ApiCaller;
  target: ApiTarget;
  /** The client's conversation; system messages allowed anywhere. */
  messages: ModelMessage[];
  clientTools: ClientTool[];
  toolChoice?: ApiToolChoice;
  settings: {
    temperature?: number | null;
    topP?: number | null;
    maxOutputTokens?: number | null;
    stopSequences?: string[];
    seed?: number | null;
    presencePenalty?: number | null;
    frequencyPenalty?: number | null;
  };
  /** Keep the exchange as a conversation in the user's sidebar. */
  store: boolean;
  /** Aborted when the client goes away: the model call stops too. */
  signal: AbortSignal;
};

export type ApiFinishReason = "stop" | "length" | "tool_calls" | "content_filter";
export type ApiUsage = { inputTokens: number; outputTokens: number };

export type ApiEvent =
  | { type: "text"; text: string }
  /** A call of one of the client's tools: the client runs it and sends the result back. */
  | { type: "tool-call"; id: string; name: string; arguments: string }
  /** A server-side tool step of an assistant (for clients that want to show it; OpenAI SDKs don't). */
  | { type: "server-tool"; id: string; name: string; input: unknown; output?: unknown; error?: string }
  | { type: "finish"; finishReason: ApiFinishReason; usage: ApiUsage };

export type ApiRun = { id: string; created: number; model: string; events: AsyncGenerator<ApiEvent, void, undefined> };

const TOOL_NAME_TAKEN = (name: string) =>
  `The tool name "${name}" is taken by one of this assistant's own tools. Rename your tool.`;

function clientToolSet(tools: readonly ClientTool[]): ToolSet {
  const set: ToolSet = {};
  for (const definition of tools) {
    if (set[definition.name]) throw new AppError("bad_request", `Two tools are named "${definition.name}".`, { fields: { tools: "duplicate name" } });
    // No execute: the AI SDK stops at the call, and the client runs it.
    set[definition.name] = tool({
      ...(definition.description ? { description: definition.description } : {}),
      inputSchema: jsonSchema(definition.parameters ?? { type: "object", properties: {} }),
    });
  }
  return set;
}

function toSdkToolChoice(choice: ApiToolChoice | undefined, names: ReadonlySet<string>): ToolChoice<ToolSet> | undefined {
  if (choice === undefined) return undefined;
  if (typeof choice === "string") return choice;
  if (!names.has(choice.name)) throw new AppError("bad_request", `tool_choice names "${choice.name}", which is not one of the tools sent.`, { fields: { tool_choice: "unknown tool" } });
  return { type: "tool", toolName: choice.name };
}

function finishReasonOf(reason: string, clientCalls: number): ApiFinishReason {
  if (clientCalls > 0) return "tool_calls";
  if (reason === "length") return "length";
  if (reason === "content-filter") return "content_filter";
  // "tool-calls" with no client call left: the assistant's step limit ended its own tool loop.
  return "stop";
}

const optional = <K extends string, V>(key: K, value: V | null | undefined): Partial<Record<K, V>> =>
  value === null || value === undefined ? {} : ({ [key]: value } as Record<K, V>);

export function newResponseId(prefix: string): string {
  return `${prefix}${crypto.randomUUID().replaceAll("-", "")}`;
}

/** Starts the run and waits for its first event, so a failure before any output is thrown here. */
export async function startApiRun(request: ApiRunRequest, idPrefix = "chatcmpl-"): Promise<ApiRun> {
  assertCapacity();
  const { target, caller } = request;
  const { model, assistant } = target;
  const config = assistant?.config ?? null;
  const serverTools = await toolsForTurn(config, { api: true });
  const clientTools = clientToolSet(request.clientTools);
  for (const name of Object.keys(clientTools)) if (serverTools[name]) throw new AppError("bad_request", TOOL_NAME_TAKEN(name), { fields: { tools: name } });
  const tools: ToolSet = { ...serverTools, ...clientTools };
  const toolNames = new Set(Object.keys(tools));
  const hasServerTools = Object.keys(serverTools).length > 0;
  const clientToolNames = new Set(Object.keys(clientTools));
  const { settings } = request;
  const started = Date.now();

  const result = streamText({
    model: getLanguageModel(model.endpoint, model.name),
    // The assistant's instructions come from the database; the client's own system messages follow.
    ...(config?.instructions ? { instructions: config.instructions } : {}),
    allowSystemInMessages: true,
    messages: request.messages,
    ...optional("temperature", settings.temperature ?? config?.temperature),
    ...optional("topP", settings.topP),
    ...optional("maxOutputTokens", settings.maxOutputTokens ?? config?.maxOutputTokens),
    ...optional("seed", settings.seed),
    ...optional("presencePenalty", settings.presencePenalty),
    ...optional("frequencyPenalty", settings.frequencyPenalty),
    ...(settings.stopSequences && settings.stopSequences.length > 0 ? { stopSequences: settings.stopSequences } : {}),
    ...(toolNames.size > 0 ? { tools, ...optional("toolChoice", toSdkToolChoice(request.toolChoice, toolNames)) } : {}),
    // The assistant's own tools loop within its step limit; a client tool call ends the run.
    ...(hasServerTools ? { stopWhen: isStepCount((config?.maxToolSteps ?? 5) + 1) } : {}),
    // Image URLs go to the model server as URLs: Switchboard itself never fetches them.
    experimental_download: async (downloads) => downloads.map(() => null),
    abortSignal: request.signal,
    // 429/5xx before the first token are retried in the provider's fetch (lib/ai/providers.ts).
    maxRetries: 0,
    onError: () => {},
  });

  const state = { text: "", clientCalls: 0, failed: false, stopped: false, ttftMs: null as number | null, usage: null as ApiUsage | null, error: null as AppError | null };

  async function* run(): AsyncGenerator<ApiEvent, void, undefined> {
    for await (const part of result.stream) {
      switch (part.type) {
        case "text-delta":
          if (!part.text) break;
          state.ttftMs ??= Date.now() - started;
          state.text += part.text;
          yield { type: "text", text: part.text };
          break;
        case "tool-call":
          state.ttftMs ??= Date.now() - started;
          if (clientToolNames.has(part.toolName)) {
            state.clientCalls += 1;
            yield { type: "tool-call", id: part.toolCallId, name: part.toolName, arguments: JSON.stringify(part.input ?? {}) };
          }
          break;
        case "tool-result":
          if (!clientToolNames.has(part.toolName)) yield { type: "server-tool", id: part.toolCallId, name: part.toolName, input: part.input, output: part.output };
          break;
        case "tool-error":
          if (!clientToolNames.has(part.toolName)) {
            yield { type: "server-tool", id: part.toolCallId, name: part.toolName, input: part.input, error: part.error instanceof Error ? part.error.message : String(part.error) };
          }
          break;
        case "error":
          // A failed tool call is told to the model, and the run goes on.
          if (isToolCallError(part.error)) break;
          throw modelCallError(part.error, model.endpoint);
        case "abort":
          state.stopped = true;
          return;
        case "finish": {
          const usage = { inputTokens: part.totalUsage.inputTokens ?? 0, outputTokens: part.totalUsage.outputTokens ?? 0 };
          state.usage = usage;
          yield { type: "finish", finishReason: finishReasonOf(part.finishReason, state.clientCalls), usage };
          break;
        }
        default:
          break;
      }
    }
  }

  async function settle(): Promise<void> {
    recordTurnEnd({
      source: "api",
      status: state.failed ? "error" : state.stopped ? "stopped" : "complete",
      endpoint: model.endpoint.name,
      model: model.label,
      ttftMs: state.ttftMs,
      durationMs: Date.now() - started,
      inputTokens: state.usage?.inputTokens ?? null,
      outputTokens: state.usage?.outputTokens ?? null,
    });
    await recordApiUsage({ keyId: caller.keyId, inputTokens: state.usage?.inputTokens, outputTokens: state.usage?.outputTokens, failed: state.failed });
    if (!request.store) return;
    await storeApiExchange(exchangeOf(request, state, Date.now() - started)).catch((error: unknown) => {
      console.warn(`[switchboard] Could not store an API conversation: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  async function* guarded(): AsyncGenerator<ApiEvent, void, undefined> {
    trackApiStream(1);
    trackApiRun(1);
    try {
      yield* run();
    } catch (error) {
      state.failed = true;
      state.error = error instanceof AppError ? error : modelCallError(error, model.endpoint);
      throw state.error;
    } finally {
      trackApiStream(-1);
      trackApiRun(-1);
      if (request.signal.aborted) state.stopped = true;
      await settle();
    }
  }

  const events = guarded();
  // Wait for the first event: a model that fails before answering fails the request itself.
  const first = await events.next();
  async function* withFirst(): AsyncGenerator<ApiEvent, void, undefined> {
    if (!first.done) yield first.value;
    yield* events;
  }
  return { id: newResponseId(idPrefix), created: Math.floor(started / 1000), model: target.publicId, events: withFirst() };
}

function exchangeOf(
  request: ApiRunRequest,
  state: { text: string; failed: boolean; stopped: boolean; ttftMs: number | null; usage: ApiUsage | null; error: AppError | null },
  durationMs: number,
): StoredExchange {
  const { target } = request;
  const messages: StoredExchange["messages"] = [];
  for (const message of request.messages) {
    if (message.role !== "user" && message.role !== "assistant") continue;
    const text = typeof message.content === "string" ? message.content : message.content.map((part) => (part.type === "text" ? part.text : "")).join("");
    if (text) messages.push({ role: message.role, text });
  }
  return {
    userId: request.caller.user.id,
    assistantId: target.assistant?.assistantId ?? null,
    assistantVersionId: target.assistant?.versionId ?? null,
    messages,
    answer: {
      text: state.text,
      status: state.failed ? "error" : state.stopped ? "stopped" : "complete",
      error: state.error?.message ?? null,
      modelId: target.model.id,
      modelName: target.model.label,
      endpointName: target.model.endpoint.name,
      inputTokens: state.usage?.inputTokens ?? null,
      outputTokens: state.usage?.outputTokens ?? null,
      ttftMs: state.ttftMs,
      durationMs,
    },
  };
}
