import { describe, expect, it } from "vitest";
import { decodeConversationCursor, encodeConversationCursor } from "@/lib/db/conversation-cursor";
import { AppError } from "@/lib/errors";

describe("conversation cursor", () => {
  it("round-trips the position, to the millisecond", () => {
    const position = { lastMessageAt: new Date("2026-11-22T09:31:46.123Z"), id: "6f1c2b8e-3a4d-4e5f-9a0b-1c2d3e4f5a6b" };
    expect(decodeConversationCursor(encodeConversationCursor(position))).toEqual(position);
  });

  it("refuses a cursor it did not make with a 400", () => {
    for (const bad of ["", "nonsense", Buffer.from('["yesterday","x"]').toString("base64url")]) {
      expect(() => decodeConversationCursor(bad)).toThrow(AppError);
    }
    try {
      decodeConversationCursor("nonsense");
    } catch (error) {
      expect(error instanceof AppError && error.status).toBe(400);
    }
  });
});
