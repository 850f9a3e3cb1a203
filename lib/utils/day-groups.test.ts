import { describe, expect, it } from "vitest";
import { dayGroupLabel, groupByDay } from "@/lib/utils/day-groups";

const at = (iso: string) => new Date(iso);

describe("dayGroupLabel", () => {
  const now = at("2026-11-22T15:00:00Z");

  it("says Today, Yesterday and Previous 7 days by calendar day", () => {
    expect(dayGroupLabel(at("2026-11-22T00:30:00Z"), now, "UTC")).toBe("Today");
    expect(dayGroupLabel(at("2026-11-21T23:59:00Z"), now, "UTC")).toBe("Yesterday");
    expect(dayGroupLabel(at("2026-11-21T00:00:00Z"), now, "UTC")).toBe("Yesterday");
    expect(dayGroupLabel(at("2026-11-20T23:59:00Z"), now, "UTC")).toBe("Previous 7 days");
    expect(dayGroupLabel(at("2026-11-15T00:00:00Z"), now, "UTC")).toBe("Previous 7 days");
  });

  it("names the month after a week, with the year when it is not this year's", () => {
    expect(dayGroupLabel(at("2026-11-14T12:00:00Z"), now, "UTC")).toBe("November");
    expect(dayGroupLabel(at("2026-02-03T12:00:00Z"), now, "UTC")).toBe("February");
    expect(dayGroupLabel(at("2025-12-31T12:00:00Z"), now, "UTC")).toBe("December 2025");
  });

  it("uses the viewer's time zone, not UTC", () => {
    // 03:00 UTC on 10 March is still 9 March in New York and already noon on 10 March in Tokyo.
    const early = at("2026-03-10T03:00:00Z");
    const conversation = at("2026-03-09T05:00:00Z");
    expect(dayGroupLabel(conversation, early, "America/New_York")).toBe("Today");
    expect(dayGroupLabel(conversation, early, "Asia/Tokyo")).toBe("Yesterday");
    expect(dayGroupLabel(conversation, early, "UTC")).toBe("Yesterday");
  });

  it("counts calendar days across a daylight-saving change", () => {
    // Clocks in Berlin went forward on 29 March 2026: that day has 23 hours.
    expect(dayGroupLabel(at("2026-03-28T23:30:00Z"), at("2026-03-30T00:30:00Z"), "Europe/Berlin")).toBe("Yesterday");
  });

  it("treats a date a little in the future as today", () => {
    expect(dayGroupLabel(at("2026-11-22T15:00:05Z"), now, "UTC")).toBe("Today");
  });
});

describe("groupByDay", () => {
  it("groups newest-first conversations under their headings in order", () => {
    const items = [
      { id: "a", lastMessageAt: "2026-11-22T10:00:00Z" },
      { id: "b", lastMessageAt: "2026-11-22T09:00:00Z" },
      { id: "c", lastMessageAt: "2026-11-21T09:00:00Z" },
      { id: "d", lastMessageAt: "2026-11-18T09:00:00Z" },
      { id: "e", lastMessageAt: "2026-10-02T09:00:00Z" },
      { id: "f", lastMessageAt: "2026-09-30T09:00:00Z" },
      { id: "g", lastMessageAt: "2025-09-30T09:00:00Z" },
    ];
    const groups = groupByDay(items, at("2026-11-22T15:00:00Z"), "UTC");
    expect(groups.map((group) => [group.label, group.items.map((item) => item.id).join("")])).toEqual([
      ["Today", "ab"],
      ["Yesterday", "c"],
      ["Previous 7 days", "d"],
      ["October", "e"],
      ["September", "f"],
      ["September 2025", "g"],
    ]);
  });

  it("is empty for no conversations", () => {
    expect(groupByDay([], new Date(), "UTC")).toEqual([]);
  });
});
