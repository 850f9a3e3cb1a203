// What the fake model answers, decided from the request alone (deterministic for tests): a tool
// call when a directive or a forced tool_choice asks for one, the tool's result echoed after a tool
// message, otherwise an echo of the last user message.
import { argsForSchema, parseDirectives, replyText, type Directives } from "./directives";

export type Plan =
  | { kind: "text"; text: string; directives: Directives; promptTokens: number }
  | { kind: "tool"; name: string; args: string; directives: Directives; promptTokens: number };

export type ToolDef = { name: string; parameters: unknown };

export type PlanInput = {
  /** Text of the last user message. */
  lastUserText: string;
  /** Content of a tool result when the conversation ends with one. */
  toolResult: string | null;
  tools: ToolDef[];
  /** "required", "none", "auto", or the name of a forced function. */
  toolChoice: string | undefined;
  /** All text in the request, for a rough prompt token count. */
  allText: string;
};

export function countTokens(text: string): number {
  return Math.max(1, text.split(/\s+/).filter(Boolean).length);
}

export function makePlan(input: PlanInput, prefix: string): Plan {
  const { directives, rest } = parseDirectives(input.lastUserText);
  const promptTokens = countTokens(input.allText);
  if (input.toolResult !== null) {
    return { kind: "text", text: `${prefix ? `${prefix} ` : ""}Tool result: ${input.toolResult}`, directives: { ...directives, tool: undefined }, promptTokens };
  }
  if (input.toolChoice && input.toolChoice !== "none" && input.toolChoice !== "auto" && input.tools.length > 0) {
    const forced = input.toolChoice === "required" ? input.tools[0] : input.tools.find((item) => item.name === input.toolChoice);
    if (forced) return { kind: "tool", name: forced.name, args: JSON.stringify(argsForSchema(forced.parameters)), directives, promptTokens };
  }
  if (directives.tool && input.toolChoice !== "none") {
    return { kind: "tool", name: directives.tool.name, args: directives.tool.args, directives, promptTokens };
  }
  return { kind: "text", text: replyText(prefix, rest, directives), directives, promptTokens };
}

/** Splits tool arguments into several fragments, as real servers stream them. */
export function argumentFragments(args: string): string[] {
  if (args.length <= 3) return [args];
  const size = Math.ceil(args.length / 3);
  return [args.slice(0, size), args.slice(size, size * 2), args.slice(size * 2)];
}

type Content = string | Array<{ type?: string; text?: string }> | null | undefined;

export function contentText(content: Content): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((part) => (typeof part.text === "string" ? part.text : "")).join("");
  return "";
}
