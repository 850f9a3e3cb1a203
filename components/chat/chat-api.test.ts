import { describe, expect, it } from "vitest";
import { errorSentence } from "@/components/chat/chat-api";

describe("errorSentence", () => {
  it("shows the sentence from our JSON error body (a refused request)", () => {
    const body = JSON.stringify({ error: { code: "conflict", message: "No model is connected yet." } });
    expect(errorSentence(new Error(body))).toBe("No model is connected yet.");
  });

  it("shows a stream error's text as it is (already a sentence from the server)", () => {
    expect(errorSentence(new Error("500 from http://h/v1/chat/completions: boom. Try again."))).toBe("500 from http://h/v1/chat/completions: boom. Try again.");
  });

  it("words a lost connection instead of the browser's message", () => {
    expect(errorSentence(new TypeError("Failed to fetch"))).toMatch(/^The connection to Switchboard was lost/);
    expect(errorSentence(new Error(""))).toMatch(/^The connection to Switchboard was lost/);
  });

  it("does not trip over text that only looks like JSON", () => {
    expect(errorSentence(new Error("{not json"))).toBe("{not json");
  });
});
