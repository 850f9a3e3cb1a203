import { describe, expect, it } from "vitest";
import { cleanGeneratedTitle, DEFAULT_TITLE, titleFromMessage } from "@/lib/utils/conversation-title";

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

describe("cleanGeneratedTitle", () => {
  it("keeps a plain short title as it is", () => {
    expect(cleanGeneratedTitle("Quarterly budget review")).toBe("Quarterly budget review");
    expect(cleanGeneratedTitle("Python: list comprehensions")).toBe("Python: list comprehensions");
    expect(cleanGeneratedTitle("How do I reset my password?")).toBe("How do I reset my password?");
  });

  it("removes labels, quotes, Markdown and a final full stop, in any nesting", () => {
    expect(cleanGeneratedTitle('Title: "Trip to Rome"')).toBe("Trip to Rome");
    expect(cleanGeneratedTitle('"Title: Trip to Rome."')).toBe("Trip to Rome");
    expect(cleanGeneratedTitle("**Conversation title:** Trip to Rome")).toBe("Trip to Rome");
    expect(cleanGeneratedTitle("# “Trip to Rome”")).toBe("Trip to Rome");
    expect(cleanGeneratedTitle("`Trip to Rome`")).toBe("Trip to Rome");
    expect(cleanGeneratedTitle("- Trip to Rome")).toBe("Trip to Rome");
  });

  it("takes the first line and drops a reasoning block", () => {
    expect(cleanGeneratedTitle("\n\nTrip to Rome\nThis title sums up the request.")).toBe("Trip to Rome");
    expect(cleanGeneratedTitle("<think>The user asks about Rome.\nKeep it short.</think>\n\nTrip to Rome")).toBe("Trip to Rome");
  });

  it("caps a long answer at a word boundary", () => {
    const title = cleanGeneratedTitle("A very long title that goes on and on about many different things at the same time");
    expect(title).toBe("A very long title that goes on and on about many different…");
  });

  it("gives null for junk: empty, punctuation only, refusals, unfinished reasoning", () => {
    for (const junk of ["", "   \n ", '""', "...", "I'm sorry, I can't help with that.", "As an AI language model, I cannot", "<think>still thinking"]) {
      expect(cleanGeneratedTitle(junk), junk).toBeNull();
    }
  });

  it("keeps what a test model echoes, prefix and all", () => {
    expect(cleanGeneratedTitle("[A] Echo: my private note")).toBe("[A] Echo: my private note");
  });
});
