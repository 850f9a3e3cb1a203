import { describe, expect, it } from "vitest";
import { DEFAULT_TITLE, titleFromMessage } from "@/lib/utils/conversation-title";

describe("titleFromMessage", () => {
  it("uses a short first message as it is, on one line", () => {
    expect(titleFromMessage("  How do I\nreset my   password?  ")).toBe("How do I reset my password?");
  });

  it("cuts a long message at a word boundary with an ellipsis", () => {
    const title = titleFromMessage("Please summarise the quarterly report for the board meeting next Tuesday afternoon");
    expect(title).toBe("Please summarise the quarterly report for the board meeting…");
    expect(title.length).toBeLessThanOrEqual(61);
  });

  it("cuts a long word-less message hard", () => {
    expect(titleFromMessage("x".repeat(100))).toBe(`${"x".repeat(60)}…`);
  });

  it("falls back to the default title for blank text", () => {
    expect(titleFromMessage(" \n\t ")).toBe(DEFAULT_TITLE);
  });
});
