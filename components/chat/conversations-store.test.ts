import { describe, expect, it } from "vitest";
import { mergeConversations, withFreshFirstPage, withNextPage } from "@/components/chat/conversations-store";
import type { ConversationSummary } from "@/lib/types/chat";

const item = (id: string, minute: number, title = id): ConversationSummary => ({
  id,
  title,
  modelId: null,
  lastMessageAt: new Date(Date.UTC(2026, 10, 22, 12, minute)).toISOString(),
});

describe("mergeConversations", () => {
  it("adds this tab's new conversations and moves continued ones up, keeping the server's title", () => {
    const server = [item("b", 30, "Generated title"), item("a", 10)];
    const local = [item("c", 40, "new one"), item("a", 50, "first words")];
    expect(mergeConversations(server, local).map((row) => [row.id, row.title])).toEqual([
      ["a", "a"],
      ["c", "new one"],
      ["b", "Generated title"],
    ]);
  });

  it("keeps the server's newer activity", () => {
    expect(mergeConversations([item("a", 50)], [item("a", 10)])[0]?.lastMessageAt).toBe(item("a", 50).lastMessageAt);
  });
});

describe("withFreshFirstPage", () => {
  const loaded = { items: [item("e", 50), item("d", 40), item("c", 30), item("b", 20), item("a", 10)], nextCursor: "after-a" };

  it("keeps older pages below a fresh first page, without duplicates", () => {
    // "b" was active again: it is now on the first page.
    const page = { items: [item("b", 60, "renamed"), item("e", 50)], nextCursor: "after-e" };
    const next = withFreshFirstPage(loaded, page);
    expect(next.items.map((row) => row.id)).toEqual(["b", "e", "d", "c", "a"]);
    expect(next.items[0]?.title).toBe("renamed");
    expect(next.nextCursor).toBe("after-a");
  });

  it("is the page alone when it is the whole list or nothing older was loaded", () => {
    const whole = { items: [item("e", 50)], nextCursor: null };
    expect(withFreshFirstPage(loaded, whole)).toBe(whole);
    const page = { items: [item("x", 70), item("e", 50), item("d", 40), item("c", 30), item("b", 20), item("a", 10)], nextCursor: "after-a2" };
    expect(withFreshFirstPage(loaded, page)).toBe(page);
  });
});

describe("withNextPage", () => {
  it("appends and takes the page's cursor", () => {
    const next = withNextPage({ items: [item("b", 20)], nextCursor: "c1" }, { items: [item("b", 20), item("a", 10)], nextCursor: null });
    expect(next).toEqual({ items: [item("b", 20), item("a", 10)], nextCursor: null });
  });
});
