import "server-only";
// The one place built-in tools are registered. The assistant builder lists BUILTIN_TOOLS; the chat
// pipeline calls buildTools with the ids an assistant has enabled. Adding a tool means one entry here.
import type { ToolSet } from "ai";
import { calculatorTool } from "@/lib/ai/tools/calculator";
import { currentTimeTool } from "@/lib/ai/tools/current-time";
import { fetchPageTool } from "@/lib/ai/tools/fetch-page";

type BuiltinTool = {
  id: string;
  label: string;
  description: string;
  build: () => ToolSet[string];
};

const REGISTRY = [
  {
    id: "calculator",
    label: "Calculator",
    description: "Evaluates arithmetic exactly (+ - * / ^ %, parentheses, sqrt, log, trig).",
    build: () => calculatorTool,
  },
  {
    id: "current_time",
    label: "Current time",
    description: "Tells the current date, time and weekday in any time zone.",
    build: () => currentTimeTool,
  },
  {
    id: "fetch_page",
    label: "Fetch web page",
    // The admin's allow-list of private hosts is for actions only: a page the model reads could
    // steer it at an internal API and leak the answer in the next URL it fetches.
    description: "Reads the text of a public web page. Never reaches private or local addresses.",
    build: () => fetchPageTool,
  },
] as const satisfies readonly BuiltinTool[];

export type BuiltinToolId = (typeof REGISTRY)[number]["id"];

// The same list, widened to the common entry type.
const ENTRIES: readonly BuiltinTool[] = REGISTRY;

export type BuiltinToolInfo = { id: BuiltinToolId; label: string; description: string };

/** What the assistant builder shows; the id is what gets stored on the assistant. */
export const BUILTIN_TOOLS: readonly BuiltinToolInfo[] = REGISTRY.map(({ id, label, description }) => ({ id, label, description }));

export function isBuiltinToolId(id: string): id is BuiltinToolId {
  return ENTRIES.some((entry) => entry.id === id);
}

/**
 * The enabled built-in tools, keyed by id (the name the model calls). Unknown ids are skipped rather
 * than thrown: an assistant saved before a tool was retired must still be able to chat.
 */
export function buildTools(enabled: readonly string[]): ToolSet {
  const tools: ToolSet = {};
  for (const entry of ENTRIES) {
    if (enabled.includes(entry.id)) tools[entry.id] = entry.build();
  }
  return tools;
}
