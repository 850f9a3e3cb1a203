import { describe, expect, it } from "vitest";
import { assistantModelId, makeSlug, slugBase } from "@/lib/assistants/slug";

describe("assistant slugs", () => {
  it("keeps letters and digits of the name, lower-cased, accents dropped", () => {
    expect(slugBase("Support Bot!")).toBe("support-bot");
    expect(slugBase("  Café  Ünïcode 2 ")).toBe("cafe-unicode-2");
    expect(slugBase("🤖🤖")).toBe("");
  });

  it("adds six random characters, and names a nameless one 'assistant'", () => {
    expect(makeSlug("Support Bot")).toMatch(/^support-bot-[a-z0-9]{6}$/);
    expect(makeSlug("🤖")).toMatch(/^assistant-[a-z0-9]{6}$/);
    expect(makeSlug("x")).not.toBe(makeSlug("x"));
  });

  it("is what API clients put in `model`", () => {
    expect(assistantModelId("support-bot-abc123")).toBe("assistant:support-bot-abc123");
  });
});
