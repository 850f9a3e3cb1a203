// The builder's live preview: unsaved settings plus the preview's own short history. Nothing of it
// is stored; it lives only in the builder's page.
import { z } from "zod";
import { assistantConfigSchema } from "@/lib/schemas/assistants";

export const previewRequestSchema = z.object({
  // Built-in tools run in the preview too; actions run only in saved assistants' chats (their keys
  // are stored encrypted, and calls that change data need a stored answer to approve).
  settings: assistantConfigSchema.pick({ instructions: true, modelId: true, temperature: true, maxOutputTokens: true, tools: true, maxToolSteps: true }),
  messages: z
    .array(z.object({ role: z.enum(["user", "assistant"]), text: z.string().max(32_000) }))
    .min(1)
    .max(40, "The preview keeps at most 40 messages; clear it to go on."),
});

export type PreviewRequest = z.infer<typeof previewRequestSchema>;
/** What the builder sends (tools and maxToolSteps may be left out). */
export type PreviewSettings = z.input<typeof previewRequestSchema>["settings"];
