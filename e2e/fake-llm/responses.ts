// POST /v1/responses (OpenAI's Responses API), streaming as `response.*` events and not.
import type { IncomingMessage, ServerResponse } from "node:http";
import { chunkText } from "./directives";
import { argumentFragments, contentText, makePlan, type Plan } from "./plan";
import { sendData, sleep, startSse, watchClose } from "./sse";

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
};

export function planResponses(body: ResponsesBody, prefix: string): Plan {
  const items: InputItem[] = typeof body.input === "string" ? [{ role: "user", content: body.input }] : (body.input ?? []);
  const last = items.at(-1);
  const lastUser = [...items].reverse().find((item) => item.role === "user");
  const output = last?.type === "function_call_output" ? last.output : undefined;
  const choice = body.tool_choice;
  return makePlan(
    {
      lastUserText: contentText(lastUser?.content),
      toolResult: output === undefined ? null : typeof output === "string" ? output : JSON.stringify(output),
      tools: (body.tools ?? []).filter((item) => item.type === "function").map((item) => ({ name: item.name ?? "", parameters: item.parameters })),
      toolChoice: typeof choice === "string" ? choice : choice?.name,
      allText: [body.instructions ?? "", ...items.map((item) => contentText(item.content))].join(" "),
    },
    prefix,
  );
}

let counter = 0;

export async function handleResponses(req: IncomingMessage, res: ServerResponse, body: ResponsesBody, plan: Plan, delayMs: number): Promise<void> {
  counter += 1;
  const id = `resp_fake${counter}`;
  const created = Math.floor(Date.now() / 1000);
  const model = body.model ?? "fake-model";
  const pieces = plan.kind === "text" ? chunkText(plan.text) : [];
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
  const response = (status: string, output: unknown[]) => ({
    id,
    object: "response",
    created_at: created,
    status,
    error: null,
    incomplete_details: null,
    instructions: body.instructions ?? null,
    model,
    output,
    parallel_tool_calls: true,
    tool_choice: body.tool_choice ?? "auto",
    tools: body.tools ?? [],
    usage: status === "completed" && !plan.directives.noUsage ? usage : null,
  });

  if (!body.stream) {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ ...response("completed", [finalItem]), output_text: plan.kind === "text" ? plan.text : "" }));
    return;
  }

  const { closed, waitClose } = watchClose(req, res);
  let sequence = 0;
  const event = (type: string, data: Record<string, unknown>) => sendData(res, { type, sequence_number: sequence++, ...data }, type);
  const pause = plan.directives.slowMs ?? delayMs;
  startSse(res);
  event("response.created", { response: response("in_progress", []) });
  event("response.in_progress", { response: response("in_progress", []) });

  if (plan.kind === "tool") {
    event("response.output_item.added", { output_index: 0, item: { ...finalItem, arguments: "", status: "in_progress" } });
    for (const fragment of argumentFragments(plan.args)) {
      if (pause) await sleep(pause);
      if (closed()) return;
      event("response.function_call_arguments.delta", { item_id: itemId, output_index: 0, delta: fragment });
    }
    event("response.function_call_arguments.done", { item_id: itemId, output_index: 0, arguments: plan.args });
  } else {
    event("response.output_item.added", { output_index: 0, item: { type: "message", id: itemId, status: "in_progress", role: "assistant", content: [] } });
    const part = { item_id: itemId, output_index: 0, content_index: 0 };
    event("response.content_part.added", { ...part, part: { type: "output_text", text: "", annotations: [], logprobs: [] } });
    for (const [index, piece] of pieces.entries()) {
      if (pause) await sleep(pause);
      if (closed()) return;
      if (plan.directives.drop !== undefined && index >= plan.directives.drop) {
        res.socket?.destroy();
        return;
      }
      if (plan.directives.malformed && index === 1) res.write("event: response.output_text.delta\ndata: {not json\n\n");
      event("response.output_text.delta", { ...part, delta: piece, logprobs: [] });
      if (plan.directives.stall) {
        await waitClose;
        return;
      }
    }
    event("response.output_text.done", { ...part, text: plan.text, logprobs: [] });
    event("response.content_part.done", { ...part, part: { type: "output_text", text: plan.text, annotations: [], logprobs: [] } });
  }
  event("response.output_item.done", { output_index: 0, item: finalItem });
  event("response.completed", { response: response("completed", [finalItem]) });
  res.end();
}
