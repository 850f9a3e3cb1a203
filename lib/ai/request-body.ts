// Request-body fixes for OpenAI-compatible servers that validate more strictly than OpenAI. An
// assistant turn that only calls tools goes out with `content: null` (what OpenAI documents), and
// NVIDIA NIM and some llama.cpp builds answer 400 to it, so one tool call would break every later
// message of the conversation. An empty string means the same to every server we know of.

/** The body with `content: ""` instead of `content: null` on each message that has tool calls. */
export function withEmptyToolCallContent(body: Record<string, unknown>): Record<string, unknown> {
  const { messages } = body;
  if (!Array.isArray(messages) || !messages.some(isNullContentToolCall)) return body;
  return { ...body, messages: messages.map((message: unknown) => (isNullContentToolCall(message) ? { ...message, content: "" } : message)) };
}

function isNullContentToolCall(message: unknown): message is Record<string, unknown> {
  return typeof message === "object" && message !== null && "content" in message && message.content === null && "tool_calls" in message;
}
