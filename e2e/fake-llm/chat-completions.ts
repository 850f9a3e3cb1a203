// POST /v1/chat/completions, streaming and not, in OpenAI's exact wire format.
import type { ServerResponse } from "node:http";
import { chunkText } from "./directives";
import { argumentFragments, contentText, makePlan, type Plan } from "./plan";
import { sendData, sendJsonReply, startSse, streamPieces, watchClose } from "./sse";

type ChatMessage = { role?: string; content?: string | Array<{ type?: string; text?: string }> | null };
type ChatTool = { type?: string; function?: { name?: string; parameters?: unknown } };
export type ChatBody = {
  model?: string;
  messages?: ChatMessage[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  tools?: ChatTool[];
  tool_choice?: string | { type?: string; function?: { name?: string } };
};

export function planChat(body: ChatBody, prefix: string, ignoreToolResults = false): Plan {
  const messages = body.messages ?? [];
  const last = messages.at(-1);
  const lastUser = [...messages].reverse().find((message) => message.role === "user");
  const choice = body.tool_choice;
  return makePlan(
    {
      lastUserText: contentText(lastUser?.content),
      toolResult: last?.role === "tool" ? (ignoreToolResults ? "(ignored)" : contentText(last.content)) : null,
      tools: (body.tools ?? []).map((item) => ({ name: item.function?.name ?? "", parameters: item.function?.parameters })),
      toolChoice: typeof choice === "string" ? choice : choice?.function?.name,
      allText: messages.map((message) => contentText(message.content)).join(" "),
    },
    prefix,
  );
}

let counter = 0;

export async function handleChatCompletions(res: ServerResponse, body: ChatBody, plan: Plan, delayMs: number): Promise<void> {
  counter += 1;
  const id = `chatcmpl-fake${counter}`;
  const created = Math.floor(Date.now() / 1000);
  const model = body.model ?? "fake-model";
  const pieces = plan.kind === "text" ? chunkText(plan.text) : argumentFragments(plan.args);
  const completionTokens = Math.max(1, pieces.length);
  const usage = { prompt_tokens: plan.promptTokens, completion_tokens: completionTokens, total_tokens: plan.promptTokens + completionTokens };
  const toolCall = plan.kind === "tool" ? { id: `call_fake${counter}`, type: "function" as const, function: { name: plan.name, arguments: plan.args } } : null;

  if (!body.stream) {
    const message = toolCall
      ? { role: "assistant", content: null, refusal: null, annotations: [], tool_calls: [toolCall] }
      : { role: "assistant", content: plan.kind === "text" ? plan.text : null, refusal: null, annotations: [] };
    const completion = {
      id,
      object: "chat.completion",
      created,
      model,
      system_fingerprint: null,
      choices: [{ index: 0, message, logprobs: null, finish_reason: toolCall ? "tool_calls" : "stop" }],
      ...(plan.directives.noUsage ? {} : { usage }),
    };
    await sendJsonReply(res, completion, plan.directives);
    return;
  }

  const watch = watchClose(res);
  const includeUsage = body.stream_options?.include_usage === true && !plan.directives.noUsage;
  // With include_usage OpenAI puts `"usage": null` on every chunk but the last; clients must cope.
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
    id,
    object: "chat.completion.chunk",
    created,
    model,
    system_fingerprint: null,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    ...(includeUsage ? { usage: null } : {}),
  });
  startSse(res);
  // Like OpenAI, a tool call's first delta carries the role, the call id and the name together.
  sendData(
    res,
    chunk(
      toolCall
        ? { role: "assistant", content: null, refusal: null, tool_calls: [{ index: 0, id: toolCall.id, type: "function", function: { name: toolCall.function.name, arguments: "" } }] }
        : { role: "assistant", content: "", refusal: null },
    ),
  );
  const finished = await streamPieces(
    res,
    watch,
    pieces,
    (piece) => sendData(res, chunk(toolCall ? { tool_calls: [{ index: 0, function: { arguments: piece } }] } : { content: piece })),
    { pauseMs: plan.directives.slowMs ?? delayMs, directives: plan.directives, malformedFrame: `data: {"id":"${id}","object":"chat.completion.chunk","choices":[{"delta":\n\n` },
  );
  if (!finished) return;
  sendData(res, chunk({}, toolCall ? "tool_calls" : "stop"));
  if (includeUsage) sendData(res, { id, object: "chat.completion.chunk", created, model, system_fingerprint: null, choices: [], usage });
  sendData(res, "[DONE]");
  res.end();
}
