// Input schemas for the endpoint and model admin APIs, shared with the admin forms.
import { z } from "zod";
import { PRESET_IDS } from "@/lib/ai/presets";

// RFC 7230 token characters; hop-by-hop and auth headers are managed by Switchboard itself.
const RESERVED_HEADERS = new Set(["authorization", "content-type", "content-length", "host", "connection", "transfer-encoding"]);

export const headerInputSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Give the header a name.")
    .max(100, "Header names are at most 100 characters.")
    .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, "Header names may only use letters, digits and - _ . ! # $ % & ' * + ^ ` | ~")
    .refine((name) => !RESERVED_HEADERS.has(name.toLowerCase()), "This header is set by Switchboard; use the API key field for authorization."),
  /** Empty or absent keeps the stored value of a header with the same name. */
  value: z.string().max(4096, "Header values are at most 4096 characters.").optional(),
});

const idleTimeoutSecondsSchema = z.coerce
  .number({ error: "The idle timeout must be a number of seconds." })
  .int("The idle timeout must be a whole number of seconds.")
  .min(1, "The idle timeout must be at least 1 second.")
  .max(600, "The idle timeout can be at most 600 seconds.");

export const endpointInputSchema = z.object({
  name: z.string().trim().min(1, "Give the endpoint a name.").max(80, "Keep the name under 80 characters."),
  preset: z.enum(PRESET_IDS, { error: "Choose what kind of server this is." }),
  baseUrl: z.string().max(2048, "That URL is too long."),
  useChatCompletions: z.boolean().default(false),
  /** Empty or absent keeps the stored key. */
  apiKey: z.string().trim().max(4096, "That API key is too long.").optional(),
  removeApiKey: z.boolean().default(false),
  /** Absent keeps all headers; a list replaces them (values may be left empty to keep them). */
  headers: z.array(headerInputSchema).max(20, "At most 20 extra headers.").optional(),
  timeoutSeconds: z.coerce
    .number({ error: "The timeout must be a number of seconds." })
    .int("The timeout must be a whole number of seconds.")
    .min(1, "The timeout must be at least 1 second.")
    .max(600, "The timeout can be at most 600 seconds."),
  /** Longest silence in the middle of an answer; then the turn ends with what arrived. */
  idleTimeoutSeconds: idleTimeoutSecondsSchema.default(60),
  enabled: z.boolean().default(true),
});

export type EndpointInput = z.infer<typeof endpointInputSchema>;

// A PATCH changes only what it names: .partial() keeps the create schema's defaults, which would
// quietly re-enable an endpoint or reset its idle timeout on any partial change.
export const endpointPatchSchema = endpointInputSchema.partial().extend({
  useChatCompletions: z.boolean().optional(),
  removeApiKey: z.boolean().optional(),
  idleTimeoutSeconds: idleTimeoutSecondsSchema.optional(),
  enabled: z.boolean().optional(),
});

export const modelPatchSchema = z
  .object({
    enabled: z.boolean().optional(),
    displayName: z.string().trim().max(80, "Keep the display name under 80 characters.").nullable().optional(),
    isDefault: z.literal(true).optional(),
    /** Tokens the model accepts (history is fitted to it); null: unknown. */
    contextWindow: z
      .number()
      .int("The context window is a whole number of tokens.")
      .min(1_024, "A context window is at least 1,024 tokens.")
      .max(10_000_000, "That context window is too large.")
      .nullable()
      .optional(),
  })
  .strict();

export const manualModelSchema = z.object({
  name: z.string().trim().min(1, "Enter the model's name as the server knows it.").max(200, "That model name is too long."),
});
