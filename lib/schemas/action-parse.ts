// The builder's "check this OpenAPI document" call: what it sends and what it gets back (the
// operations that become tools, and why any others were left out).
import { z } from "zod";
import { MAX_ACTION_DOCUMENT_CHARS } from "@/lib/schemas/assistants";

export const actionParseRequestSchema = z.object({
  spec: z.string().min(1, "Paste an OpenAPI document.").max(MAX_ACTION_DOCUMENT_CHARS, "The document is larger than 2 MB."),
});

export const actionParseResultSchema = z.object({
  ok: z.boolean(),
  /** The document's info.title, when it parsed. */
  title: z.string().optional(),
  operations: z.array(
    z.object({
      /** The tool name the model calls (the operationId, made safe). */
      name: z.string(),
      method: z.string(),
      path: z.string(),
      description: z.string(),
      /** Anything but GET asks the user before it runs. */
      needsApproval: z.boolean(),
    }),
  ),
  rejected: z.array(z.object({ operation: z.string(), reason: z.string() })),
  /** Why the document as a whole could not be used (when ok is false). */
  error: z.string().optional(),
});

export type ActionParseResult = z.infer<typeof actionParseResultSchema>;
