// Responses API input (a string, or message / function_call / function_call_output items) -> AI SDK
// model messages. The client's `instructions` become a system message before its input; an
// assistant's own instructions still come before both (lib/api/run.ts). Consecutive function calls
// join the assistant message before them, as Chat Completions servers want one assistant message
// carrying every call of a turn, followed by the results.
import type { AssistantContent, ImagePart, ModelMessage, TextPart, ToolContent } from "ai";
import { imageUrlPart, parseArguments, textOf } from "@/lib/api/chat-messages";
import { AppError } from "@/lib/errors";
import type { ResponseInputItem, ResponsesRequest } from "@/lib/schemas/openai-api";

type MessageItem = Extract<ResponseInputItem, { role: string }>;
type Counter = { images: number };

function userContent(content: MessageItem["content"], counter: Counter): string | Array<TextPart | ImagePart> {
  if (typeof content === "string") return content;
  return content.map((part): TextPart | ImagePart => {
    if (part.type === "input_image") return imageUrlPart(part.image_url, counter.images++);
    return { type: "text", text: part.type === "refusal" ? part.refusal : part.text };
  });
}

export function fromResponseInput(input: ResponsesRequest["input"], instructions?: string | null): ModelMessage[] {
  const messages: ModelMessage[] = instructions ? [{ role: "system", content: instructions }] : [];
  if (typeof input === "string") {
    messages.push({ role: "user", content: input });
    return messages;
  }
  const toolNames = new Map<string, string>();
  const counter: Counter = { images: 0 };
  // The assistant message function calls join, and the tool message results join, while they follow one another.
  let assistant: Exclude<AssistantContent, string> | null = null;
  let results: ToolContent | null = null;

  for (const [index, item] of input.entries()) {
    if (item.type === "function_call") {
      results = null;
      if (!assistant) {
        assistant = [];
        messages.push({ role: "assistant", content: assistant });
      }
      toolNames.set(item.call_id, item.name);
      assistant.push({ type: "tool-call", toolCallId: item.call_id, toolName: item.name, input: parseArguments(item.arguments) });
      continue;
    }
    if (item.type === "function_call_output") {
      assistant = null;
      const toolName = toolNames.get(item.call_id);
      if (!toolName) {
        throw new AppError("bad_request", `Input item ${index + 1} answers the function call "${item.call_id}", which no earlier function_call item made.`, {
          fields: { [`input.${index}.call_id`]: "unknown" },
        });
      }
      if (!results) {
        results = [];
        messages.push({ role: "tool", content: results });
      }
      results.push({ type: "tool-result", toolCallId: item.call_id, toolName, output: { type: "text", value: textOf(item.output) } });
      continue;
    }
    assistant = null;
    results = null;
    switch (item.role) {
      case "system":
      case "developer":
        messages.push({ role: "system", content: textOf(item.content) });
        break;
      case "user":
        messages.push({ role: "user", content: userContent(item.content, counter) });
        break;
      case "assistant": {
        const content: Exclude<AssistantContent, string> = [];
        const text = textOf(item.content);
        if (text) content.push({ type: "text", text });
        assistant = content;
        messages.push({ role: "assistant", content });
        break;
      }
    }
  }
  return messages;
}
