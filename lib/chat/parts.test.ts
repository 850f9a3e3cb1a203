import { describe, expect, it } from "vitest";
import { parseStoredParts, partsText, searchTextOf, toStorableParts } from "@/lib/chat/parts";

describe("parseStoredParts", () => {
  it("keeps valid text, reasoning and step-start parts", () => {
    const parts = [{ type: "step-start" }, { type: "reasoning", text: "hmm" }, { type: "text", text: "Hello" }];
    expect(parseStoredParts(parts)).toEqual(parts);
  });

  it("drops parts that do not validate instead of failing the message", () => {
    expect(
      parseStoredParts([
        { type: "text", text: "ok" },
        { type: "text", text: 42 },
        { type: "tool-weather", state: "output-available" },
        "text",
        null,
      ]),
    ).toEqual([{ type: "text", text: "ok" }]);
  });

  it("reads anything that is not an array as no parts", () => {
    expect(parseStoredParts({ type: "text", text: "x" })).toEqual([]);
    expect(parseStoredParts(null)).toEqual([]);
  });

  it("strips unknown keys on the way out", () => {
    expect(parseStoredParts([{ type: "text", text: "a", providerMetadata: { x: 1 } }])).toEqual([{ type: "text", text: "a" }]);
  });
});

describe("toStorableParts", () => {
  it("keeps text and reasoning without streaming state or provider metadata", () => {
    const stored = toStorableParts([
      { type: "step-start" },
      { type: "reasoning", text: "think", state: "done", providerMetadata: { p: {} } } as { type: string },
      { type: "text", text: "Answer", state: "streaming" } as { type: string },
    ]);
    expect(stored).toEqual([{ type: "step-start" }, { type: "reasoning", text: "think" }, { type: "text", text: "Answer" }]);
  });

  it("drops empty text and parts it does not store yet", () => {
    expect(toStorableParts([{ type: "text", text: "" } as { type: string }, { type: "source-url" }, { type: "data-x" }])).toEqual([]);
  });
});

describe("partsText", () => {
  it("joins the text parts only", () => {
    expect(partsText([{ type: "reasoning", text: "no" }, { type: "text", text: "a" }, { type: "step-start" }, { type: "text", text: "b" }])).toBe("ab");
  });
});

describe("searchTextOf", () => {
  it("is the text parts, one per line, without reasoning", () => {
    expect(searchTextOf([{ type: "reasoning", text: "secret thoughts" }, { type: "text", text: "First" }, { type: "step-start" }, { type: "text", text: "second" }])).toBe(
      "First\nsecond",
    );
  });

  it("is null when there is no visible text", () => {
    expect(searchTextOf([])).toBeNull();
    expect(searchTextOf([{ type: "reasoning", text: "only thinking" }, { type: "text", text: "  " }])).toBeNull();
  });
});
