import "server-only";
// What the builder shows for a pasted OpenAPI document: the tools it gives and the operations left out.
import { actionNeedsApproval } from "@/lib/ai/actions/action-tool";
import type { ParsedOpenApi } from "@/lib/ai/actions/openapi";
import { parseActionDocument } from "@/lib/ai/actions/parsed-documents";
import type { ActionParseResult } from "@/lib/schemas/action-parse";

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
