// What the browser may know about endpoints and models: never a key, a header value or ciphertext.
import { z } from "zod";

export const probeCheckSchema = z.object({
  id: z.enum(["models", "stream", "tools", "usage"]),
  ok: z.boolean(),
  skipped: z.boolean().optional(),
  status: z.number().int().optional(),
  message: z.string(),
});

export const probeResultSchema = z.object({
  model: z.string().nullable(),
  checks: z.array(probeCheckSchema),
  durationMs: z.number(),
});

export type ProbeCheck = z.infer<typeof probeCheckSchema>;
export type ProbeResult = z.infer<typeof probeResultSchema>;

export type ModelView = {
  id: string;
  name: string;
  displayName: string | null;
  enabled: boolean;
  source: "discovered" | "manual";
  listed: boolean;
  toolsOk: boolean | null;
  isDefault: boolean;
  /** Tokens; null when unknown. */
  contextWindow?: number | null;
};

export type EndpointView = {
  id: string;
  name: string;
  kind: "openai" | "openai_compatible";
  preset: string;
  baseUrl: string;
  useChatCompletions: boolean;
  hasApiKey: boolean;
  /** "••••1234" */
  apiKeyHint: string | null;
  headerNames: string[];
  timeoutSeconds: number;
  /** Longest silence between chunks of an answer before the turn ends. */
  idleTimeoutSeconds: number;
  enabled: boolean;
  origin: string;
  probe: ProbeResult | null;
  probedAt: string | null;
  modelsFetchedAt: string | null;
  modelsCheckedAt: string | null;
  modelsError: string | null;
  /** HTTP status of the failed listing when the server answered (401/403: it refused the key). */
  modelsErrorStatus: number | null;
  updatedAt: string;
  models: ModelView[];
};
