import { withApiKey } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";

/**
 * Embeddings need an embeddings model, which admins will configure with knowledge (the knowledge
 * issue); until one exists this says so in OpenAI's error shape rather than answering with a 404 page.
 */
export const POST = withApiKey(async () => {
  throw new AppError("not_found", "This Switchboard has no embeddings model configured yet, so /v1/embeddings cannot answer. Ask your admin.", {
    fields: { model: "no embeddings model" },
  });
});
