// POST /v1/responses (OpenAI's Responses API), streaming as `response.*` events and not.
import type { ServerResponse } from "node:http";
import { chunkText } from "./directives";
import { argumentFragments, contentText, makePlan, type Plan } from "./plan";
import { sendData, sendJsonReply, startSse, streamPieces, watchClose } from "./sse";

type InputItem = {
  type?: string;
  role?: string;
  content?: string | Array<{ type?: string; text?: string }>;
  output?: unknown;
};
export type ResponsesBody = {
  model?: string;
  input?: string | InputItem[];
  instructions?: string;
  stream?: boolean;
  tools?: Array<{ type?: string; name?: string; parameters?: unknown }>;
  tool_choice?: string | { type?: string; name?: string };
  temperature?: number;
  top_p?: number;
  metadata?: Record<string, string>;
};

/** A function_call_output's `output` is a string or a list of input_text/input_image parts. */
function outputText(output: unknown): string {
  if (typeof output === "string") return output;
  if (Array.isArray(output)) return contentText(output as Array<{ type?: string; text?: string }>);
  return JSON.stringify(output);
}

export function planResponses(body: ResponsesBody, prefix: string): Plan {
  const items: InputItem[] = typeof body.input === "string" ? [{ role: "user", content: body.input }] : (body.input ?? []);
  const last = items.at(-1);
  const lastUser = [...items].reverse().find((item) => item.role === "user");
  const choice = body.tool_choice;
  return makePlan(
    {
      lastUserText: contentText(lastUser?.content),
      toolResult: last?.type === "function_call_output" ? outputText(last.output) : null,
      tools: (body.tools ?? []).filter((item) => item.type === "function").map((item) => ({ name: item.name ?? "", parameters: item.parameters })),
      toolChoice: typeof choice === "string" ? choice : choice?.name,
      allText: [body.instructions ?? "", ...items.map((item) => contentText(item.content))].join(" "),
    },
    prefix,
  );
}

let counter = 0;

export async function handleResponses(res: ServerResponse, body: ResponsesBody, plan: Plan, delayMs: number): Promise<void> {
  counter += 1;
  const id = `resp_fake${counter}`;
  const created = Math.floor(Date.now() / 1000);
  const model = body.model ?? "fake-model";
  const pieces = plan.kind === "text" ? chunkText(plan.text) : argumentFragments(plan.args);
  const outputTokens = Math.max(1, pieces.length);
  const usage = {
    input_tokens: plan.promptTokens,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: outputTokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: plan.promptTokens + outputTokens,
  };
  const itemId = plan.kind === "tool" ? `fc_fake${counter}` : `msg_fake${counter}`;
  const finalItem =
    plan.kind === "tool"
      ? { type: "function_call", id: itemId, call_id: `call_fake${counter}`, name: plan.name, arguments: plan.args, status: "completed" }
      : { type: "message", id: itemId, status: "completed", role: "assistant", content: [{ type: "output_text", text: plan.text, annotations: [], logprobs: [] }] };
  // No `output_text` here: that is a convenience the SDKs compute, the API itself never sends it.
  const response = (status: string, output: unknown[]) => ({
    id,
    object: "response",
    created_at: created,
    status,
    error: null,
    incomplete_details: null,
    instructions: body.instructions ?? null,
    metadata: body.metadata ?? {},
    model,
    output,
    parallel_tool_calls: true,
    temperature: body.temperature ?? 1,
    tool_choice: body.tool_choice ?? "auto",
    tools: body.tools ?? [],
    top_p: body.top_p ?? 1,
    usage: status === "completed" && !plan.directives.noUsage ? usage : null,
  });

  if (!body.stream) {
    await sendJsonReply(res, response("completed", [finalItem]), plan.directives);
    return;
  }

  const watch = watchClose(res);
  let sequence = 0;
  const event = (type: string, data: Record<string, unknown>) => sendData(res, { type, sequence_number: sequence++, ...data }, type);
  const streamOptions = { pauseMs: plan.directives.slowMs ?? delayMs, directives: plan.directives };
  startSse(res);
  event("response.created", { response: response("in_progress", []) });
  event("response.in_progress", { response: response("in_progress", []) });

  if (plan.kind === "tool") {
    event("response.output_item.added", { output_index: 0, item: { ...finalItem, arguments: "", status: "in_progress" } });
    const finished = await streamPieces(res, watch, pieces, (delta) => event("response.function_call_arguments.delta", { item_id: itemId, output_index: 0, delta }), {
      ...streamOptions,
      malformedFrame: `event: response.function_call_arguments.delta\ndata: {"type":"response.function_call_arguments.delta","delta":\n\n`,
    });
    if (!finished) return;
    event("response.function_call_arguments.done", { item_id: itemId, output_index: 0, name: plan.name, arguments: plan.args });
  } else {
    event("response.output_item.added", { output_index: 0, item: { type: "message", id: itemId, status: "in_progress", role: "assistant", content: [] } });
    const part = { item_id: itemId, output_index: 0, content_index: 0 };
    event("response.content_part.added", { ...part, part: { type: "output_text", text: "", annotations: [], logprobs: [] } });
    const finished = await streamPieces(res, watch, pieces, (delta) => event("response.output_text.delta", { ...part, delta, logprobs: [] }), {
      ...streamOptions,
      malformedFrame: `event: response.output_text.delta\ndata: {"type":"response.output_text.delta","delta":\n\n`,
    });
    if (!finished) return;
    event("response.output_text.done", { ...part, text: plan.text, logprobs: [] });
    event("response.content_part.done", { ...part, part: { type: "output_text", text: plan.text, annotations: [], logprobs: [] } });
  }
  event("response.output_item.done", { output_index: 0, item: finalItem });
  event("response.completed", { response: response("completed", [finalItem]) });
  res.end();
}
