// What the browser sees of an assistant.
import type { AssistantConfig } from "@/lib/schemas/assistants";

export type AssistantSummary = {
  id: string;
  name: string;
  description: string;
  avatar: AssistantConfig["avatar"];
  visibility: "private" | "organisation";
  featured: boolean;
  creatorName: string;
  mine: boolean;
  canEdit: boolean;
};

export type AssistantView = AssistantSummary & {
  config: AssistantConfig;
  currentVersion: number;
  updatedAt: string;
};

export type AssistantVersionView = { id: string; version: number; createdAt: string; name: string; instructionsPreview: string };
