// What the browser sees of an assistant.
import type { AssistantAction, AssistantConfig } from "@/lib/schemas/assistants";
import type { ModelOption } from "@/lib/types/chat";

/** An emoji, or the URL of an uploaded image served by the app (/api/assistants/<id>/avatar). */
export type AvatarView = { type: "emoji"; value: string } | { type: "image"; value: string };

export type AssistantSummary = {
  id: string;
  name: string;
  description: string;
  avatar: AvatarView;
  visibility: "private" | "organisation";
  featured: boolean;
  creatorName: string;
  mine: boolean;
  canEdit: boolean;
};

/** An action as the browser sees it: whether a key is stored, never the key (nor its ciphertext). */
export type AssistantActionView = Omit<AssistantAction, "secret"> & { hasSecret: boolean };

export type AssistantConfigView = Omit<AssistantConfig, "actions"> & { actions: AssistantActionView[] };

export type AssistantView = AssistantSummary & {
  /** Stable API name: clients of /api/v1 use the model id `assistant:<slug>`. */
  slug: string;
  config: AssistantConfigView;
  currentVersion: number;
  updatedAt: string;
};

/**
 * An assistant as anyone who may chat with it sees it. Users who can't edit it get its name,
 * description, starters and tool names; its instructions only when it shows them to users; its
 * full settings (`config`: instructions, action documents and details) only if they can edit it.
 */
export type AssistantUseView = AssistantSummary & {
  starters: string[];
  /** The model it prefers (null: the default model). */
  modelId: string | null;
  /** The names the model calls: built-in tool ids and action operations. */
  toolNames: string[];
  showInstructions: boolean;
  /** Null for a user who can't edit it, unless it shows its instructions to users. */
  instructions: string | null;
  /** Null for a user who can't edit it. */
  config: AssistantConfigView | null;
  currentVersion: number;
  updatedAt: string;
};

export type AssistantVersionView = { id: string; version: number; createdAt: string; name: string; instructionsPreview: string };

/** A built-in tool as the builder lists it (the registry itself is server-only). */
export type ToolOption = { id: string; label: string; description: string };

/** A model the builder offers, with the endpoint probe's verdict on tool calls (null: not tested). */
export type BuilderModelOption = ModelOption & { toolsOk: boolean | null };
