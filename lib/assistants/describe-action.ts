import "server-only";
// What the builder shows for a pasted OpenAPI document: the tools it gives and the operations left
// out; and the tool names an assistant's users may see.
import { actionNeedsApproval } from "@/lib/ai/actions/action-tool";
import type { ParsedOpenApi } from "@/lib/ai/actions/openapi";
import { parseActionDocument } from "@/lib/ai/actions/parsed-documents";
import { isBuiltinToolId } from "@/lib/ai/tools/registry";
import type { ActionParseResult } from "@/lib/schemas/action-parse";
import type { AssistantConfig } from "@/lib/schemas/assistants";

export function describeParsedDocument(parsed: ParsedOpenApi): ActionParseResult {
  if (!parsed.ok) return { ok: false, operations: [], rejected: [], error: parsed.error };
  return {
    ok: true,
    title: parsed.document.info.title,
    operations: parsed.operations.map((operation) => ({
      name: operation.name,
      method: operation.method,
      path: operation.path,
      description: operation.description,
      needsApproval: actionNeedsApproval(operation),
    })),
    rejected: parsed.rejected,
  };
}

export async function describeActionDocument(spec: string): Promise<ActionParseResult> {
  return describeParsedDocument(await parseActionDocument(spec));
}

/** The names an assistant's tools go by, as a turn builds them: built-in tools, then action operations. */
export async function listToolNames(config: Pick<AssistantConfig, "tools" | "actions">): Promise<string[]> {
  const names: string[] = config.tools.filter(isBuiltinToolId);
  for (const action of config.actions) {
    const parsed = await parseActionDocument(action.spec);
    if (!parsed.ok) continue;
    for (const operation of parsed.operations) if (!names.includes(operation.name)) names.push(operation.name);
  }
  return names;
}
