import "server-only";
// The one place built-in tools are registered. The assistant builder lists BUILTIN_TOOLS; the chat
// pipeline calls buildTools with the ids an assistant has enabled. Adding a tool means one entry here.
import type { ToolSet } from "ai";
import { calculatorTool } from "@/lib/ai/tools/calculator";
import { currentTimeTool } from "@/lib/ai/tools/current-time";
import { createFetchPageTool } from "@/lib/ai/tools/fetch-page";

export type ToolContext = {
  /** Admin-approved private "host" / "host:port" entries, for tools that call self-hosted services. */
  allowPrivateHosts: readonly string[];
};

type BuiltinTool = {
  id: string;
  label: string;
  description: string;
  build: (context: ToolContext) => ToolSet[string];
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
    description: "Reads the text of a web page. Never reaches private or local addresses, except hosts an admin allowed.",
    build: (context) => createFetchPageTool({ allowPrivateHosts: context.allowPrivateHosts }),
  },
] as const satisfies readonly BuiltinTool[];

export type BuiltinToolId = (typeof REGISTRY)[number]["id"];

// The same list, widened so every entry's build takes the context (most simply ignore it).
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
export function buildTools(enabled: readonly string[], context: ToolContext): ToolSet {
  const tools: ToolSet = {};
  for (const entry of ENTRIES) {
    if (enabled.includes(entry.id)) tools[entry.id] = entry.build(context);
  }
  return tools;
}
