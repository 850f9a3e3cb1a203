import { avatarImage } from "@/lib/assistants/avatar";
import { withUser } from "@/lib/auth/handlers";
import { getAvatarForUser } from "@/lib/db/assistants";
import { AppError } from "@/lib/errors";
import { parseId } from "@/lib/schemas/ids";

/** An assistant's uploaded image, for those who can see the assistant. The URL changes with the image. */
export const GET = withUser<{ id: string }>(async (_req, { user, params }) => {
  const image = avatarImage(await getAvatarForUser(user, parseId(params.id, "assistant")));
  if (!image) throw new AppError("not_found", "That assistant has no image.");
  return new Response(new Uint8Array(image.bytes), {
    headers: {
      "Content-Type": image.contentType,
      "Content-Length": String(image.bytes.length),
      // Inert whatever the bytes are: never sniffed into something else, never a document with scripts.
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, max-age=31536000, immutable",
    },
  });
});
