import "server-only";
// Opaque cursor for the conversation list, which is ordered by (lastMessageAt desc, id asc).
import { z } from "zod";
import { AppError } from "@/lib/errors";

export type ConversationCursor = { lastMessageAt: Date; id: string };

const cursorSchema = z.tuple([z.iso.datetime(), z.uuid()]);

export function encodeConversationCursor(cursor: ConversationCursor): string {
  return Buffer.from(JSON.stringify([cursor.lastMessageAt.toISOString(), cursor.id])).toString("base64url");
}

export function decodeConversationCursor(value: string): ConversationCursor {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    json = null;
  }
  const parsed = cursorSchema.safeParse(json);
  if (!parsed.success) throw new AppError("bad_request", "That page cursor is not valid. Reload the list.");
  return { lastMessageAt: new Date(parsed.data[0]), id: parsed.data[1] };
}
