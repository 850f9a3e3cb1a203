// A Responses API `response` object built up from a run's events, and the `response.*` stream events
// that say each step (the shapes the official SDKs read: every event has its type as the SSE event
// name and a sequence_number; items are announced, filled, then done). The non-streaming answer is
// the same builder's final snapshot, so both modes agree on ids, items and statuses.
import type { ApiFinishReason, ApiUsage } from "@/lib/api/run";
import type { ResponsesRequest } from "@/lib/schemas/openai-api";

type ItemStatus = "in_progress" | "completed" | "incomplete";
type OutputText = { type: "output_text"; text: string; annotations: never[]; logprobs: never[] };
type MessageItem = { type: "message"; id: string; status: ItemStatus; role: "assistant"; content: OutputText[] };
type FunctionCallItem = { type: "function_call"; id: string; call_id: string; name: string; arguments: string; status: ItemStatus };
export type ResponseOutputItem = MessageItem | FunctionCallItem;
export type ResponseStatus = "in_progress" | "completed" | "incomplete" | "failed";
export type ResponseStreamEvent = { type: string; sequence_number: number } & Record<string, unknown>;
/** OpenAI's `error` event fields; `code` of the failed response is one of OpenAI's ResponseError codes. */
export type ResponseFailure = { code: string | null; message: string; param: string | null; responseCode: "server_error" | "rate_limit_exceeded" };

/** The request's settings a response repeats back, as OpenAI's does. */
export type ResponseEcho = {
  instructions: string | null;
  metadata: Record<string, string>;
  temperature: number;
  top_p: number;
  max_output_tokens: number | null;
  parallel_tool_calls: boolean;
  tool_choice: NonNullable<ResponsesRequest["tool_choice"]>;
  tools: Array<{ type: "function"; name: string; description: string | null; parameters: Record<string, unknown> | null; strict: boolean | null }>;
  store: boolean;
  user?: string;
};

export function responseEcho(body: ResponsesRequest, store: boolean): ResponseEcho {
  return {
    instructions: body.instructions ?? null,
    metadata: body.metadata ?? {},
    temperature: body.temperature ?? 1,
    top_p: body.top_p ?? 1,
    max_output_tokens: body.max_output_tokens ?? null,
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    tool_choice: body.tool_choice ?? "auto",
    tools: (body.tools ?? []).map((tool) => ({
      type: "function",
      name: tool.name,
      description: tool.description ?? null,
      parameters: tool.parameters ?? null,
      strict: tool.strict ?? null,
    })),
    store,
    ...(body.user !== undefined ? { user: body.user } : {}),
  };
}

const itemId = (prefix: string) => `${prefix}${crypto.randomUUID().replaceAll("-", "")}`;

const usageBody = (usage: ApiUsage) => ({
  input_tokens: usage.inputTokens,
  input_tokens_details: { cached_tokens: 0 },
  output_tokens: usage.outputTokens,
  output_tokens_details: { reasoning_tokens: 0 },
  total_tokens: usage.inputTokens + usage.outputTokens,
});

type IncompleteReason = "max_output_tokens" | "content_filter";
const INCOMPLETE_REASON: Partial<Record<ApiFinishReason, IncompleteReason>> = { length: "max_output_tokens", content_filter: "content_filter" };

export class ResponseBuilder {
  private readonly output: ResponseOutputItem[] = [];
  /** The message item text goes to, until a function call or the end closes it. */
  private message: MessageItem | null = null;
  private sequence = 0;
  private status: ResponseStatus = "in_progress";
  private usage: ApiUsage | null = null;
  private incompleteReason: IncompleteReason | null = null;
  private error: { code: ResponseFailure["responseCode"]; message: string } | null = null;
  private completedAt: number | null = null;

  constructor(
    private readonly run: { id: string; created: number; model: string },
    private readonly echo: ResponseEcho,
  ) {}

  private event(type: string, data: Record<string, unknown>): ResponseStreamEvent {
    return { type, sequence_number: this.sequence++, ...data };
  }

  /** The response as it stands (a copy: later events do not change what was sent). */
  response() {
    return {
      id: this.run.id,
      object: "response" as const,
      created_at: this.run.created,
      status: this.status,
      background: false,
      completed_at: this.completedAt,
      error: this.error,
      incomplete_details: this.incompleteReason ? { reason: this.incompleteReason } : null,
      instructions: this.echo.instructions,
      max_output_tokens: this.echo.max_output_tokens,
      metadata: this.echo.metadata,
      model: this.run.model,
      output: structuredClone(this.output),
      parallel_tool_calls: this.echo.parallel_tool_calls,
      previous_response_id: null,
      reasoning: null,
      store: this.echo.store,
      temperature: this.echo.temperature,
      text: { format: { type: "text" as const } },
      tool_choice: this.echo.tool_choice,
      tools: this.echo.tools,
      top_p: this.echo.top_p,
      truncation: "disabled" as const,
      usage: this.usage ? usageBody(this.usage) : null,
      ...(this.echo.user !== undefined ? { user: this.echo.user } : {}),
    };
  }

  start(): ResponseStreamEvent[] {
    return [this.event("response.created", { response: this.response() }), this.event("response.in_progress", { response: this.response() })];
  }

  text(delta: string): ResponseStreamEvent[] {
    const events: ResponseStreamEvent[] = [];
    let message = this.message;
    if (!message) {
      message = { type: "message", id: itemId("msg_"), status: "in_progress", role: "assistant", content: [] };
      this.message = message;
      this.output.push(message);
      const where = { output_index: this.output.length - 1 };
      events.push(this.event("response.output_item.added", { ...where, item: structuredClone(message) }));
      message.content.push({ type: "output_text", text: "", annotations: [], logprobs: [] });
      events.push(this.event("response.content_part.added", { ...where, item_id: message.id, content_index: 0, part: { type: "output_text", text: "", annotations: [], logprobs: [] } }));
    }
    const part = message.content[0];
    if (part) part.text += delta;
    // An open message is always the last item: a function call closes it first.
    events.push(this.event("response.output_text.delta", { item_id: message.id, output_index: this.output.length - 1, content_index: 0, delta, logprobs: [] }));
    return events;
  }

  toolCall(call: { id: string; name: string; arguments: string }): ResponseStreamEvent[] {
    const events = this.closeMessage("completed");
    const item: FunctionCallItem = { type: "function_call", id: itemId("fc_"), call_id: call.id, name: call.name, arguments: "", status: "in_progress" };
    this.output.push(item);
    const where = { item_id: item.id, output_index: this.output.length - 1 };
    events.push(this.event("response.output_item.added", { output_index: where.output_index, item: structuredClone(item) }));
    item.arguments = call.arguments;
    item.status = "completed";
    events.push(this.event("response.function_call_arguments.delta", { ...where, delta: call.arguments }));
    events.push(this.event("response.function_call_arguments.done", { ...where, name: call.name, arguments: call.arguments }));
    events.push(this.event("response.output_item.done", { output_index: where.output_index, item: structuredClone(item) }));
    return events;
  }

  finish(reason: ApiFinishReason, usage: ApiUsage, now = Date.now()): ResponseStreamEvent[] {
    const incomplete = INCOMPLETE_REASON[reason] ?? null;
    const events = this.closeMessage(incomplete ? "incomplete" : "completed");
    this.usage = usage;
    this.incompleteReason = incomplete;
    this.status = incomplete ? "incomplete" : "completed";
    if (!incomplete) this.completedAt = Math.floor(now / 1000);
    events.push(this.event(incomplete ? "response.incomplete" : "response.completed", { response: this.response() }));
    return events;
  }

  /** After the stream started, a failure is its last events: `error`, then `response.failed`. */
  fail(failure: ResponseFailure): ResponseStreamEvent[] {
    const events = this.closeMessage("incomplete");
    this.status = "failed";
    this.error = { code: failure.responseCode, message: failure.message };
    events.push(this.event("error", { code: failure.code, message: failure.message, param: failure.param }));
    events.push(this.event("response.failed", { response: this.response() }));
    return events;
  }

  private closeMessage(status: ItemStatus): ResponseStreamEvent[] {
    const message = this.message;
    if (!message) return [];
    this.message = null;
    message.status = status;
    const part = message.content[0] ?? { type: "output_text", text: "", annotations: [], logprobs: [] };
    const where = { item_id: message.id, output_index: this.output.length - 1, content_index: 0 };
    return [
      this.event("response.output_text.done", { ...where, text: part.text, logprobs: [] }),
      this.event("response.content_part.done", { ...where, part: structuredClone(part) }),
      this.event("response.output_item.done", { output_index: where.output_index, item: structuredClone(message) }),
    ];
  }
}
