// The builder's editable copy of an action: what the form fields hold, and how it becomes the
// input the API accepts (`secret` only when a new key was typed; see assistantActionInputSchema).
import type { z } from "zod";
import type { ActionAuth, assistantActionInputSchema } from "@/lib/schemas/assistants";
import type { AssistantActionView } from "@/lib/types/assistants";

export type AuthChoice = "none" | "api_key_header" | "api_key_query" | "bearer";

export const AUTH_CHOICES: { value: AuthChoice; label: string }[] = [
  { value: "none", label: "None" },
  { value: "api_key_header", label: "API key in a header" },
  { value: "api_key_query", label: "API key in the query string" },
  { value: "bearer", label: "Bearer token" },
];

export type ActionDraft = {
  id: string;
  spec: string;
  auth: AuthChoice;
  /** The header or query parameter that carries an API key. */
  keyName: string;
  /** A newly typed key or token; empty keeps the stored one. */
  secret: string;
  /** A key is stored on the server (it is never sent here). */
  hasSecret: boolean;
  clearSecret: boolean;
  /** Through the API, operations that ask for approval in the browser run without asking. */
  allowApiWithoutApproval: boolean;
};

/** A v4 UUID; crypto.randomUUID exists only on https or localhost, and self-hosted sites are often plain http. */
export function newUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function newDraft(): ActionDraft {
  return { id: newUuid(), spec: "", auth: "none", keyName: "", secret: "", hasSecret: false, clearSecret: false, allowApiWithoutApproval: false };
}

function choiceOf(auth: ActionAuth): AuthChoice {
  if (auth.type === "api_key") return auth.in === "header" ? "api_key_header" : "api_key_query";
  return auth.type;
}

export function draftFromView(action: AssistantActionView): ActionDraft {
  return {
    id: action.id,
    spec: action.spec,
    auth: choiceOf(action.auth),
    keyName: action.auth.type === "api_key" ? action.auth.name : "",
    secret: "",
    hasSecret: action.hasSecret,
    clearSecret: false,
    allowApiWithoutApproval: action.allowApiWithoutApproval,
  };
}

function authOf(draft: ActionDraft): ActionAuth {
  if (draft.auth === "api_key_header" || draft.auth === "api_key_query") {
    return { type: "api_key", in: draft.auth === "api_key_header" ? "header" : "query", name: draft.keyName };
  }
  return { type: draft.auth };
}

export function draftToInput(draft: ActionDraft): z.input<typeof assistantActionInputSchema> {
  const usesKey = draft.auth !== "none";
  const secret = usesKey && !draft.clearSecret ? draft.secret.trim() : "";
  return {
    id: draft.id,
    spec: draft.spec,
    auth: authOf(draft),
    ...(secret ? { secret } : {}),
    clearSecret: usesKey && draft.clearSecret,
    allowApiWithoutApproval: draft.allowApiWithoutApproval,
  };
}
