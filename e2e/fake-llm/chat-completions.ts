// POST /v1/chat/completions, streaming and not, in OpenAI's exact wire format.
import type { IncomingMessage, ServerResponse } from "node:http";
import { chunkText } from "./directives";
import { argumentFragments, contentText, makePlan, type Plan } from "./plan";
import { sendData, sleep, startSse, watchClose } from "./sse";

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

export function planChat(body: ChatBody, prefix: string): Plan {
  const messages = body.messages ?? [];
  const last = messages.at(-1);
  const lastUser = [...messages].reverse().find((message) => message.role === "user");
  const choice = body.tool_choice;
  return makePlan(
    {
      lastUserText: contentText(lastUser?.content),
      toolResult: last?.role === "tool" ? contentText(last.content) : null,
      tools: (body.tools ?? []).map((item) => ({ name: item.function?.name ?? "", parameters: item.function?.parameters })),
      toolChoice: typeof choice === "string" ? choice : choice?.function?.name,
      allText: messages.map((message) => contentText(message.content)).join(" "),
    },
    prefix,
  );
}

let counter = 0;

export async function handleChatCompletions(req: IncomingMessage, res: ServerResponse, body: ChatBody, plan: Plan, delayMs: number): Promise<void> {
  counter += 1;
  const id = `chatcmpl-fake${counter}`;
  const created = Math.floor(Date.now() / 1000);
  const model = body.model ?? "fake-model";
  const pieces = plan.kind === "text" ? chunkText(plan.text) : [];
  const usage = { prompt_tokens: plan.promptTokens, completion_tokens: Math.max(1, pieces.length), total_tokens: plan.promptTokens + Math.max(1, pieces.length) };
  const toolCall = plan.kind === "tool" ? { id: `call_fake${counter}`, type: "function" as const, function: { name: plan.name, arguments: plan.args } } : null;

  if (!body.stream) {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(
      JSON.stringify({
        id,
        object: "chat.completion",
        created,
        model,
        system_fingerprint: null,
        choices: [
          {
            index: 0,
            message: { role: "assistant", content: plan.kind === "text" ? plan.text : null, refusal: null, ...(toolCall ? { tool_calls: [toolCall] } : {}) },
            logprobs: null,
            finish_reason: toolCall ? "tool_calls" : "stop",
          },
        ],
        ...(plan.directives.noUsage ? {} : { usage }),
      }),
    );
    return;
  }

  const { closed, waitClose } = watchClose(req, res);
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({
    id,
    object: "chat.completion.chunk",
    created,
    model,
    system_fingerprint: null,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  });
  const pause = plan.directives.slowMs ?? delayMs;
  startSse(res);
  sendData(res, chunk({ role: "assistant", content: toolCall ? null : "", ...(toolCall ? {} : {}) }));

  if (toolCall) {
    sendData(res, chunk({ tool_calls: [{ index: 0, id: toolCall.id, type: "function", function: { name: toolCall.function.name, arguments: "" } }] }));
    for (const fragment of argumentFragments(toolCall.function.arguments)) {
      if (pause) await sleep(pause);
      if (closed()) return;
      sendData(res, chunk({ tool_calls: [{ index: 0, function: { arguments: fragment } }] }));
    }
  } else {
    for (const [index, piece] of pieces.entries()) {
      if (pause) await sleep(pause);
      if (closed()) return;
      if (plan.directives.drop !== undefined && index >= plan.directives.drop) {
        res.socket?.destroy();
        return;
      }
      if (plan.directives.malformed && index === 1) res.write("data: {not json\n\n");
      sendData(res, chunk({ content: piece }));
      if (plan.directives.stall) {
        await waitClose;
        return;
      }
    }
  }
  sendData(res, chunk({}, toolCall ? "tool_calls" : "stop"));
  if (body.stream_options?.include_usage && !plan.directives.noUsage) {
    sendData(res, { id, object: "chat.completion.chunk", created, model, system_fingerprint: null, choices: [], usage });
  }
  sendData(res, "[DONE]");
  res.end();
}
