import { describe, expect, it } from "vitest";
import { errorSentence, matchStoredMessage } from "@/components/chat/chat-api";

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

describe("matchStoredMessage", () => {
  const uuid = "6f1c2b8e-3a4d-4e5f-9a0b-1c2d3e4f5a6b";
  const text = (id: string, role: string, value: string) => ({ id, role, parts: [{ type: "text", text: value }] });
  const stored = [text("11111111-1111-4111-8111-111111111111", "user", "first"), text("a1", "assistant", "answer"), text("22222222-2222-4222-8222-222222222222", "user", "second")];

  it("takes a stored id as it is", () => {
    expect(matchStoredMessage([text(uuid, "user", "x")], 0, [])).toBe(uuid);
  });

  it("finds a question sent in this visit by its position among the questions, when the text matches", () => {
    const local = [text("browser1", "user", "first"), text("a1", "assistant", "answer"), text("browser2", "user", "second")];
    expect(matchStoredMessage(local, 2, stored)).toBe("22222222-2222-4222-8222-222222222222");
    expect(matchStoredMessage(local, 0, stored)).toBe("11111111-1111-4111-8111-111111111111");
  });

  it("gives null when the stored conversation does not match (changed in another tab)", () => {
    expect(matchStoredMessage([text("browser1", "user", "other text")], 0, stored)).toBeNull();
    expect(matchStoredMessage([text("b1", "user", "first"), text("b2", "user", "x"), text("b3", "user", "y")], 2, stored)).toBeNull();
    expect(matchStoredMessage([], 0, stored)).toBeNull();
  });
});
