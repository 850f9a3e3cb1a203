// Chat Completions messages (as OpenAI clients send them) -> AI SDK model messages. System and
// developer messages stay where the client put them; tool results get their tool's name from the
// assistant message that asked for them.
import type { AssistantContent, ImagePart, ModelMessage, TextPart, ToolCallPart } from "ai";
import { AppError } from "@/lib/errors";
import type { ChatMessageInput } from "@/lib/schemas/openai-api";

type TextLike = string | ReadonlyArray<{ type: string; text?: string; refusal?: string }> | null | undefined;

/** The text of a content field: a string, or its text (and refusal) parts joined. */
export function textOf(content: TextLike): string {
  if (content === null || content === undefined) return "";
  if (typeof content === "string") return content;
  return content.map((part) => part.text ?? part.refusal ?? "").join("");
}

/** Parses a tool call's JSON arguments; the model produced them, so anything unparsable is kept as text. */
export function parseArguments(text: string): unknown {
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function imageUrlPart(url: string, index: number): ImagePart {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError("bad_request", `Image ${index + 1} has no valid URL: send an https URL or a data: URL.`, { fields: { messages: "image_url" } });
  }
  if (!["https:", "http:", "data:"].includes(parsed.protocol)) {
    throw new AppError("bad_request", `Image ${index + 1} must be an https URL or a data: URL.`, { fields: { messages: "image_url" } });
  }
  return { type: "image", image: parsed };
}

export function fromChatMessages(messages: readonly ChatMessageInput[]): ModelMessage[] {
  const toolNames = new Map<string, string>();
  let images = 0;
  return messages.map((message, index): ModelMessage => {
    switch (message.role) {
      case "system":
      case "developer":
        return { role: "system", content: textOf(message.content) };
      case "user": {
        if (typeof message.content === "string") return { role: "user", content: message.content };
        const content: Array<TextPart | ImagePart> = message.content.map((part) =>
          part.type === "text" ? { type: "text", text: part.text } : imageUrlPart(part.image_url.url, images++),
        );
        return { role: "user", content };
      }
      case "assistant": {
        const content: Exclude<AssistantContent, string> = [];
        const text = textOf(message.content);
        if (text) content.push({ type: "text", text });
        for (const call of message.tool_calls ?? []) {
          toolNames.set(call.id, call.function.name);
          const part: ToolCallPart = { type: "tool-call", toolCallId: call.id, toolName: call.function.name, input: parseArguments(call.function.arguments) };
          content.push(part);
        }
        return { role: "assistant", content };
      }
      case "tool": {
        const toolName = toolNames.get(message.tool_call_id);
        if (!toolName) {
          throw new AppError("bad_request", `Message ${index + 1} answers the tool call "${message.tool_call_id}", which no earlier assistant message made.`, {
            fields: { [`messages.${index}.tool_call_id`]: "unknown" },
          });
        }
        return { role: "tool", content: [{ type: "tool-result", toolCallId: message.tool_call_id, toolName, output: { type: "text", value: textOf(message.content) } }] };
      }
    }
  });
}
