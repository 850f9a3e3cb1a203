// Action keys on the way in and out. In: a newly typed key is encrypted, a blank one keeps the key
// stored for the same action id, and a clear request (or no authentication) drops it. Out: every
// view replaces the encrypted key with `hasSecret`, so neither ciphertext nor plaintext ever
// reaches the browser.
import type { AssistantAction, AssistantActionInput, AssistantConfig } from "@/lib/schemas/assistants";
import type { AssistantActionView, AssistantConfigView } from "@/lib/types/assistants";

/** What a save stores: the submitted actions with their keys encrypted, kept or removed. */
export function resolveActionSecrets(
  submitted: readonly AssistantActionInput[],
  stored: readonly AssistantAction[],
  encrypt: (plaintext: string) => string,
): AssistantAction[] {
  return submitted.map((action) => {
    const { id, spec, auth, allowApiWithoutApproval } = action;
    const kept = { id, spec, auth, allowApiWithoutApproval };
    if (auth.type === "none" || action.clearSecret) return { ...kept, secret: null };
    if (action.secret) return { ...kept, secret: encrypt(action.secret) };
    return { ...kept, secret: stored.find((old) => old.id === id)?.secret ?? null };
  });
}

export function toActionView({ secret, ...action }: AssistantAction): AssistantActionView {
  return { ...action, hasSecret: secret !== null };
}

/** The only way a stored config leaves the server. */
export function toConfigView(config: AssistantConfig): AssistantConfigView {
  return { ...config, actions: config.actions.map(toActionView) };
}
