// How an assistant's avatar leaves the server. Lists and chat pages carry an emoji as it is and an
// uploaded image as a short URL of the app's own (/api/assistants/<id>/avatar), never the image
// itself: a gallery of 200 assistants must not weigh 200 images. The builder alone sees the data URL.
// The Assistant.avatar column holds the list form ({type:"image"} without the bytes), so a list never
// reads an image either; the bytes stay in the config and are read only by the image route.
import { z } from "zod";
import { avatarSchema, type AssistantConfig } from "@/lib/schemas/assistants";
import type { AvatarView } from "@/lib/types/assistants";

const DEFAULT_AVATAR: AvatarView = { type: "emoji", value: "🤖" };

const listAvatarSchema = z.union([z.object({ type: z.literal("emoji"), value: z.string() }), z.object({ type: z.literal("image") })]);
export type ListAvatar = z.infer<typeof listAvatarSchema>;

/** What the Assistant.avatar column stores for a config's avatar. */
export function listAvatar(avatar: AssistantConfig["avatar"]): ListAvatar {
  return avatar.type === "emoji" ? avatar : { type: "image" };
}

/** The avatar of a stored row as the browser shows it; `updatedAt` makes the URL change with the image. */
export function avatarView(assistantId: string, stored: unknown, updatedAt: Date): AvatarView {
  const parsed = listAvatarSchema.safeParse(stored);
  if (!parsed.success) return DEFAULT_AVATAR;
  if (parsed.data.type === "emoji") return parsed.data;
  return { type: "image", value: `/api/assistants/${assistantId}/avatar?v=${updatedAt.getTime().toString(36)}` };
}

/** The bytes and type of a config's image avatar, or null when the avatar is an emoji (or damaged). */
export function avatarImage(avatar: unknown): { contentType: string; bytes: Buffer } | null {
  const parsed = avatarSchema.safeParse(avatar);
  if (!parsed.success || parsed.data.type !== "image") return null;
  const match = /^data:(image\/(?:png|jpeg|webp|gif));base64,(.*)$/.exec(parsed.data.value);
  if (!match?.[1] || match[2] === undefined) return null;
  return { contentType: match[1], bytes: Buffer.from(match[2], "base64") };
}
