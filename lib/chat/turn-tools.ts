import "server-only";
// The tools a turn may use: the assistant's built-in tools and one tool per operation of its
// actions (documents parsed once per distinct text, lib/ai/actions/parsed-documents.ts). Secrets
// are decrypted here and nowhere else, and every tool's failure becomes a ToolRunError whose
// sentence is safe to show (the action's secret is scrubbed out of it).
import { InvalidToolInputError, NoSuchToolError, type ToolSet } from "ai";
import { buildActionTool } from "@/lib/ai/actions/action-tool";
import { parseActionDocument } from "@/lib/ai/actions/parsed-documents";
import { redactSecrets } from "@/lib/ai/tools/redact";
import { buildTools } from "@/lib/ai/tools/registry";
import { getSetting } from "@/lib/db/settings";
import { recordToolCall } from "@/lib/metrics/registry";
import { allowlistForUrls } from "@/lib/net/address-policy";
import type { AssistantAction, AssistantConfig } from "@/lib/schemas/assistants";
import { decryptSecret } from "@/lib/secrets";

/** A tool call that failed; its message is a sentence for the user and the model. */
export class ToolRunError extends Error {
  override name = "ToolRunError";
}

/** True for errors that belong to one tool call (the turn goes on; the model is told). */
export function isToolCallError(error: unknown): boolean {
  return error instanceof ToolRunError || InvalidToolInputError.isInstance(error) || NoSuchToolError.isInstance(error);
}

/** The sentence shown in a tool card for a failed call. */
export function toolErrorText(error: unknown): string {
  if (InvalidToolInputError.isInstance(error)) return `The model sent input the tool does not accept: ${error.message}`;
  if (NoSuchToolError.isInstance(error)) return `The model asked for a tool named "${error.toolName}", which this assistant does not have.`;
  return error instanceof Error ? error.message : "The tool failed.";
}

type ToolEntry = ToolSet[string];

/**
 * Rethrows whatever a tool throws as a ToolRunError with a scrubbed sentence, and counts the call
 * under `metricLabel` (a built-in tool's name, or "action" for every action operation).
 */
function guarded(tool: ToolEntry, secrets: readonly string[], metricLabel: string): ToolEntry {
  const execute = tool.execute;
  if (!execute) return tool;
  return {
    ...tool,
    execute: async (input: unknown, options: Parameters<typeof execute>[1]) => {
      try {
        const output: unknown = await execute(input, options);
        recordToolCall(metricLabel, false);
        return output;
      } catch (error) {
        recordToolCall(metricLabel, true);
        const message = error instanceof Error && error.message ? error.message : "The tool failed.";
        throw new ToolRunError(redactSecrets(message, secrets));
      }
    },
  } as ToolEntry;
}

function readSecret(action: AssistantAction): string | null {
  if (!action.secret) return null;
  try {
    return decryptSecret(action.secret);
  } catch {
    // SECRETS_KEY changed: the action runs without its key and says so when called.
    console.warn("[switchboard] An action's stored key could not be decrypted (was SECRETS_KEY changed?). Re-enter it in the assistant.");
    return null;
  }
}

/** Only actions use the admin's allow-list of private hosts; built-in tools never see it. */
export function needsAllowList(config: Pick<AssistantConfig, "actions">): boolean {
  return config.actions.length > 0;
}

export const NEEDS_BROWSER_APPROVAL = (name: string) =>
  `The operation "${name}" needs a person's approval, which only the browser chat can ask for; this assistant's owner has not allowed it through the API. Tell the user it could not be run.`;

/**
 * Through the API nobody can approve a call: an operation that needs approval runs without it only
 * when its action allows that for API use, and otherwise fails as a tool error the model reads.
 */
function forApiUse(tool: ToolEntry, name: string, action: AssistantAction): ToolEntry {
  if (!tool.needsApproval) return tool;
  if (action.allowApiWithoutApproval) return { ...tool, needsApproval: false } as ToolEntry;
  return {
    ...tool,
    needsApproval: false,
    execute: async () => {
      throw new ToolRunError(NEEDS_BROWSER_APPROVAL(name));
    },
  } as ToolEntry;
}

/**
 * The ToolSet for a turn of an assistant (empty for a plain chat). Built-in tools first; an action
 * operation whose name is already taken is skipped (the builder refuses such names on save).
 * `api`: the turn comes through the API, where no one can approve a call (see forApiUse).
 */
export async function toolsForTurn(config: Pick<AssistantConfig, "tools" | "actions"> | null, options: { api?: boolean } = {}): Promise<ToolSet> {
  if (!config || (config.tools.length === 0 && config.actions.length === 0)) return {};
  const allowPrivateHosts = needsAllowList(config) ? await getSetting("actionPrivateHosts") : [];
  const tools: ToolSet = {};
  for (const [name, tool] of Object.entries(buildTools(config.tools))) tools[name] = guarded(tool, [], name);
  for (const action of config.actions) {
    const parsed = await parseActionDocument(action.spec);
    if (!parsed.ok) continue;
    const secret = readSecret(action);
    // Each action may reach only the allow-listed hosts its own document names as servers.
    const actionHosts = allowlistForUrls(
      parsed.operations.map((operation) => operation.serverUrl),
      allowPrivateHosts,
    );
    for (const operation of parsed.operations) {
      if (tools[operation.name]) continue;
      const built = guarded(buildActionTool(operation, { auth: action.auth, secret, allowPrivateHosts: actionHosts }), secret ? [secret] : [], "action");
      tools[operation.name] = options.api ? forApiUse(built, operation.name, action) : built;
    }
  }
  return tools;
}
