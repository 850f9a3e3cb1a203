import { describe, expect, it } from "vitest";
import { avatarImage, avatarView, listAvatar } from "@/lib/assistants/avatar";

// A 1×1 transparent PNG.
const PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
const updatedAt = new Date("2026-12-01T10:00:00Z");

describe("avatarView", () => {
  it("keeps an emoji and turns an image into the app's own URL, which changes with the row", () => {
    expect(avatarView("a1", { type: "emoji", value: "🧮" }, updatedAt)).toEqual({ type: "emoji", value: "🧮" });
    const stored = listAvatar({ type: "image", value: PNG });
    expect(stored).toEqual({ type: "image" });
    const image = avatarView("a1", stored, updatedAt);
    expect(image).toEqual({ type: "image", value: `/api/assistants/a1/avatar?v=${updatedAt.getTime().toString(36)}` });
    expect(avatarView("a1", stored, new Date(updatedAt.getTime() + 1)).value).not.toBe(image.value);
  });

  it("falls back to the default for a damaged value", () => {
    expect(avatarView("a1", { type: "video" }, updatedAt)).toEqual({ type: "emoji", value: "🤖" });
    expect(avatarView("a1", null, updatedAt)).toEqual({ type: "emoji", value: "🤖" });
  });
});

describe("avatarImage", () => {
  it("decodes a stored image and nothing else", () => {
    const image = avatarImage({ type: "image", value: PNG });
    expect(image?.contentType).toBe("image/png");
    expect(image?.bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(avatarImage({ type: "emoji", value: "🧮" })).toBeNull();
  });
});
