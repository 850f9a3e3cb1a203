// The builder's live preview: unsaved settings plus the preview's own short history. Nothing of it
// is stored; it lives only in the builder's page.
import { z } from "zod";
import { assistantConfigSchema } from "@/lib/schemas/assistants";

export const previewRequestSchema = z.object({
  settings: assistantConfigSchema.pick({ instructions: true, modelId: true, temperature: true, maxOutputTokens: true }),
  messages: z
    .array(z.object({ role: z.enum(["user", "assistant"]), text: z.string().max(32_000) }))
    .min(1)
    .max(40, "The preview keeps at most 40 messages; clear it to go on."),
});

export type PreviewRequest = z.infer<typeof previewRequestSchema>;
