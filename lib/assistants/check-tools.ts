import "server-only";
// Checks an assistant's tools and actions before a save: known built-in tools, every action's
// document usable, unique tool names, and a kept key never sent to a server it was not entered for.
// Every refusal is a 422 with a sentence naming the action, on the form field it is about.
import type { ActionOperation } from "@/lib/ai/actions/openapi";
import { parseActionDocument } from "@/lib/ai/actions/parsed-documents";
import { BUILTIN_TOOLS, isBuiltinToolId } from "@/lib/ai/tools/registry";
import { findToolNameConflicts } from "@/lib/assistants/tool-names";
import { AppError } from "@/lib/errors";
import type { AssistantAction, AssistantActionInput } from "@/lib/schemas/assistants";

function refuse(field: string, message: string): never {
  throw new AppError("validation", message, { fields: { [field]: message } });
}

const originsOf = (operations: readonly ActionOperation[]) => new Set(operations.map((operation) => new URL(operation.serverUrl).origin));

export async function checkAssistantTools(
  submitted: { tools: readonly string[]; actions: readonly AssistantActionInput[] },
  stored: readonly AssistantAction[],
): Promise<void> {
  const unknown = submitted.tools.find((id) => !isBuiltinToolId(id));
  if (unknown !== undefined) refuse("tools", `There is no built-in tool called "${unknown}".`);

  const parsedActions: ActionOperation[][] = [];
  for (const [index, action] of submitted.actions.entries()) {
    const parsed = await parseActionDocument(action.spec);
    if (!parsed.ok) refuse(`actions.${index}.spec`, `Action ${index + 1}: ${parsed.error}`);
    if (parsed.operations.length === 0) {
      const first = parsed.rejected[0];
      refuse(
        `actions.${index}.spec`,
        `Action ${index + 1} (“${parsed.document.info.title}”) has no operation that can be used as a tool${first ? `: ${first.operation}: ${first.reason}` : "."}`,
      );
    }
    parsedActions.push(parsed.operations);
  }

  const enabled = BUILTIN_TOOLS.filter((tool) => submitted.tools.includes(tool.id));
  const [conflict] = findToolNameConflicts(enabled, parsedActions);
  if (conflict) refuse(`actions.${conflict.actionIndex}.spec`, conflict.message);

  for (const [index, action] of submitted.actions.entries()) {
    await checkKeptKey(index, action, stored, parsedActions[index] ?? []);
  }
}

/**
 * A stored key goes only where it went before: when a changed document sends requests to a new
 * origin, the key has to be typed again (or removed), so nobody can redirect someone else's key.
 */
async function checkKeptKey(index: number, action: AssistantActionInput, stored: readonly AssistantAction[], operations: readonly ActionOperation[]) {
  if (action.auth.type === "none" || action.clearSecret || action.secret) return;
  const previous = stored.find((old) => old.id === action.id);
  if (!previous?.secret || previous.spec === action.spec) return;
  const added = await originsAdded(previous.spec, operations);
  if (added.length > 0) {
    refuse(
      `actions.${index}.secret`,
      `Action ${index + 1} now sends requests to ${added.join(", ")}, which its stored key was not entered for. Enter the key again, or remove it.`,
    );
  }
}

/** The origins the new operations send requests to that the previous document did not. */
async function originsAdded(previousSpec: string, operations: readonly ActionOperation[]): Promise<string[]> {
  const before = await parseActionDocument(previousSpec);
  const known = before.ok ? originsOf(before.operations) : new Set<string>();
  return [...originsOf(operations)].filter((origin) => !known.has(origin));
}

/** Whether a key entered for `keySpec`'s servers may be used with `spec` (it adds no origin). */
export async function keyFitsDocument(keySpec: string, spec: string): Promise<boolean> {
  if (keySpec === spec) return true;
  const parsed = await parseActionDocument(spec);
  return parsed.ok && (await originsAdded(keySpec, parsed.operations)).length === 0;
}
