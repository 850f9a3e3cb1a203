// Assistant settings: what the builder form sends, what is stored (config JSON, validated when read
// back), and the portable export format. Shared by the browser and the server.
import { z } from "zod";

export const MAX_STARTERS = 6;
export const MAX_AVATAR_BYTES = 256 * 1024;
const AVATAR_DATA_URL = /^data:image\/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/]+=*$/;

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** One grapheme (flags, skin tones and ZWJ sequences included) that is an emoji. */
function isSingleEmoji(text: string): boolean {
  return [...graphemes.segment(text)].length === 1 && EMOJI.test(text);
}

const DEFAULT_AVATAR = { type: "emoji" as const, value: "🤖" };
const emojiValue = z.string().trim().min(1, "Pick an emoji.").max(16, "Use a single emoji.");
const imageValue = z
  .string()
  .regex(AVATAR_DATA_URL, "Upload a PNG, JPEG, WebP or GIF image.")
  .refine((value) => Math.floor(((value.length - value.indexOf(",") - 1) * 3) / 4) <= MAX_AVATAR_BYTES, "Images are at most 256 KB.");

/**
 * An avatar as the builder, the API or an import sends it: one emoji, or an image whose bytes are
 * the type it says. Stored avatars are read with the looser `storedAvatarSchema` below, so a row
 * saved under older rules keeps its avatar (and the rest of its settings).
 */
export const avatarSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("emoji"), value: emojiValue.refine(isSingleEmoji, "Use a single emoji.") }),
  z.object({
    type: z.literal("image"),
    value: imageValue.refine((value) => imageTypeOf(value) === value.slice(5, value.indexOf(";")), "That file is not the image it says it is. Upload a PNG, JPEG, WebP or GIF image."),
  }),
]);

const storedAvatarSchema = z.discriminatedUnion("type", [z.object({ type: z.literal("emoji"), value: emojiValue }), z.object({ type: z.literal("image"), value: imageValue })]);

/** The image type the bytes of a base64 data URL start with (PNG, JPEG, GIF, WebP), or null. */
export function imageTypeOf(dataUrl: string): string | null {
  const start = dataUrl.indexOf(",") + 1;
  let head: string;
  try {
    // 16 base64 characters are the first 12 bytes: enough for every signature below.
    head = atob(dataUrl.slice(start, start + 16));
  } catch {
    return null;
  }
  if (head.startsWith("\x89PNG\r\n\x1a\n")) return "image/png";
  if (head.startsWith("\xff\xd8\xff")) return "image/jpeg";
  if (head.startsWith("GIF87a") || head.startsWith("GIF89a")) return "image/gif";
  if (head.startsWith("RIFF") && head.slice(8, 12) === "WEBP") return "image/webp";
  return null;
}

export const MAX_ACTIONS = 5;
export const MAX_ACTION_DOCUMENT_CHARS = 2_000_000;

/** How an action authenticates: the secret itself is stored apart from this (encrypted). */
export const actionAuthSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("none") }),
  z.object({ type: z.literal("api_key"), in: z.enum(["header", "query"]), name: z.string().trim().min(1, "Name the header or query parameter of the key.").max(128) }),
  z.object({ type: z.literal("bearer") }),
]);
export type ActionAuth = z.infer<typeof actionAuthSchema>;

/**
 * An action as stored in an assistant's config: the OpenAPI document as pasted (JSON or YAML) and
 * its authentication. `secret` is the API key or token encrypted with lib/secrets.ts; it is only
 * ever decrypted on the server when a tool runs, and views sent to the browser replace it with
 * `hasSecret`.
 */
export const assistantActionSchema = z.object({
  id: z.uuid(),
  spec: z.string().min(1, "Paste an OpenAPI document.").max(MAX_ACTION_DOCUMENT_CHARS, "The document is larger than 2 MB."),
  auth: actionAuthSchema.default({ type: "none" }),
  secret: z.string().nullable().default(null),
  /**
   * Operations that ask for approval in the browser (anything but GET) may run without it when the
   * assistant is used through the API (/api/v1), where no one is there to approve. Off by default.
   */
  allowApiWithoutApproval: z.boolean().default(false),
});
export type AssistantAction = z.infer<typeof assistantActionSchema>;

export const assistantConfigSchema = z.object({
  // A damaged avatar falls back to the default without taking the other settings with it.
  avatar: storedAvatarSchema.default(DEFAULT_AVATAR).catch(DEFAULT_AVATAR),
  instructions: z.string().max(20_000, "Instructions are at most 20,000 characters.").default(""),
  /** Whether users who can't edit the assistant may read its instructions (like GPTs, off by default). */
  showInstructions: z.boolean().default(false),
  starters: z
    .array(z.string().trim().min(1, "A conversation starter cannot be empty.").max(200, "Keep each starter under 200 characters."))
    .max(MAX_STARTERS, `At most ${MAX_STARTERS} conversation starters.`)
    .default([]),
  /** An enabled Model id, or null for the instance's default model. */
  modelId: z.uuid().nullable().default(null),
  temperature: z.number().min(0, "Temperature is between 0 and 2.").max(2, "Temperature is between 0 and 2.").nullable().default(null),
  maxOutputTokens: z.number().int().min(1).max(65_536, "At most 65,536 output tokens.").nullable().default(null),
  /** Built-in tools this assistant may use (ids from the tool registry). */
  tools: z.array(z.string().max(64)).max(20).default([]),
  maxToolSteps: z.number().int().min(1, "At least 1 step.").max(20, "At most 20 steps.").default(5),
  /** OpenAPI actions; each operation becomes a tool named by its operationId. */
  actions: z.array(assistantActionSchema).max(MAX_ACTIONS, `At most ${MAX_ACTIONS} actions.`).default([]),
});

export type AssistantConfig = z.infer<typeof assistantConfigSchema>;

/**
 * An action as the builder (or the API) sends it. The stored secret never reaches the browser, so
 * here `secret` means a NEW plaintext key or token, encrypted on the server:
 * - `secret` non-empty: replaces the stored key;
 * - `secret` empty or left out: keeps the key stored for the action with the same `id` (a new id
 *   has none);
 * - `clearSecret: true`: removes the stored key (refused together with a new `secret`).
 * An action whose auth is "none" keeps no key.
 */
export const assistantActionInputSchema = z
  .object({
    id: assistantActionSchema.shape.id,
    spec: assistantActionSchema.shape.spec,
    auth: assistantActionSchema.shape.auth,
    secret: z.string().trim().max(4096, "That key is too long.").optional(),
    clearSecret: z.boolean().default(false),
    allowApiWithoutApproval: assistantActionSchema.shape.allowApiWithoutApproval,
  })
  .refine((action) => !(action.clearSecret && action.secret), { message: "Either enter a new key or remove the stored one, not both.", path: ["secret"] });
export type AssistantActionInput = z.infer<typeof assistantActionInputSchema>;

export const assistantInputSchema = assistantConfigSchema.extend({
  avatar: avatarSchema.default(DEFAULT_AVATAR),
  name: z.string().trim().min(1, "Give the assistant a name.").max(80, "Keep the name under 80 characters."),
  description: z.string().trim().max(500, "Keep the description under 500 characters.").default(""),
  visibility: z.enum(["private", "organisation"]).default("private"),
  tools: assistantConfigSchema.shape.tools.refine((ids) => new Set(ids).size === ids.length, "A tool is listed twice."),
  actions: z
    .array(assistantActionInputSchema)
    .max(MAX_ACTIONS, `At most ${MAX_ACTIONS} actions.`)
    .refine((actions) => new Set(actions.map((action) => action.id)).size === actions.length, "Two actions have the same id.")
    .default([]),
  /** The version an editor started from: a save made meanwhile by someone else refuses this one. */
  baseVersion: z.number().int().positive().optional(),
});

export type AssistantInput = z.infer<typeof assistantInputSchema>;

/** The portable JSON an assistant exports to (no ids that only mean something here, never a secret). */
export const assistantExportSchema = z.object({
  format: z.literal("switchboard.assistant"),
  version: z.literal(1),
  assistant: z.object({
    name: assistantInputSchema.shape.name,
    description: z.string().max(500),
    avatar: avatarSchema,
    instructions: assistantConfigSchema.shape.instructions,
    showInstructions: assistantConfigSchema.shape.showInstructions,
    starters: assistantConfigSchema.shape.starters,
    /** The preferred model by its upstream name (and endpoint), or null for the default. */
    model: z.object({ name: z.string().max(200), endpoint: z.string().max(80) }).nullable(),
    temperature: assistantConfigSchema.shape.temperature,
    maxOutputTokens: assistantConfigSchema.shape.maxOutputTokens,
    tools: assistantConfigSchema.shape.tools,
    maxToolSteps: assistantConfigSchema.shape.maxToolSteps,
    /** The document and how to authenticate, never the key itself (an import starts without one). */
    actions: z
      .array(
        z.object({
          spec: assistantActionSchema.shape.spec,
          auth: actionAuthSchema,
          // Exports made before the setting existed leave it out: off.
          allowApiWithoutApproval: assistantActionSchema.shape.allowApiWithoutApproval,
        }),
      )
      .max(MAX_ACTIONS, `At most ${MAX_ACTIONS} actions.`)
      .default([]),
  }),
});

export type AssistantExport = z.infer<typeof assistantExportSchema>;
