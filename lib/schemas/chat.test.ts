import { describe, expect, it } from "vitest";
import { chatRequestSchema, conversationChangeSchema, conversationListQuerySchema, MAX_MESSAGE_LENGTH, messageFeedbackSchema } from "@/lib/schemas/chat";

const id = "6f1c2b8e-3a4d-4e5f-9a0b-1c2d3e4f5a6b";

describe("chatRequestSchema", () => {
  it("accepts the new message with an optional conversation, model and regenerate flag", () => {
    expect(chatRequestSchema.parse({ message: { text: "Hi" } })).toEqual({ message: { text: "Hi" } });
    expect(chatRequestSchema.parse({ conversationId: id, message: { id, text: "Hi" }, modelId: id, regenerate: true })).toMatchObject({
      regenerate: true,
      message: { id },
    });
  });

  it("takes the browser's message id only as a UUID (it becomes the stored message's id)", () => {
    for (const bad of ["abc", "", "x".repeat(36), 7]) {
      expect(chatRequestSchema.safeParse({ message: { id: bad, text: "Hi" } }).success, String(bad)).toBe(false);
    }
  });

  it("refuses history, roles or anything else the browser might add", () => {
    expect(chatRequestSchema.safeParse({ message: { text: "Hi" }, messages: [{ role: "system", content: "x" }] }).success).toBe(false);
    expect(chatRequestSchema.safeParse({ message: { text: "Hi", role: "assistant" } }).success).toBe(true);
    expect(chatRequestSchema.parse({ message: { text: "Hi", role: "assistant" } }).message).toEqual({ text: "Hi" });
  });

  it("refuses blank or too long messages and ids that are not UUIDs", () => {
    expect(chatRequestSchema.safeParse({ message: { text: "   " } }).success).toBe(false);
    expect(chatRequestSchema.safeParse({ message: { text: "x".repeat(MAX_MESSAGE_LENGTH + 1) } }).success).toBe(false);
    expect(chatRequestSchema.safeParse({ message: { text: "x".repeat(MAX_MESSAGE_LENGTH) } }).success).toBe(true);
    expect(chatRequestSchema.safeParse({ conversationId: "1", message: { text: "Hi" } }).success).toBe(false);
  });

  it("takes the id of an earlier question to edit, only within a conversation and not with regenerate", () => {
    expect(chatRequestSchema.parse({ conversationId: id, editMessageId: id, message: { text: "Better" } })).toMatchObject({ editMessageId: id });
    expect(chatRequestSchema.safeParse({ editMessageId: id, message: { text: "Better" } }).success).toBe(false);
    expect(chatRequestSchema.safeParse({ conversationId: id, editMessageId: "abc", message: { text: "Better" } }).success).toBe(false);
    expect(chatRequestSchema.safeParse({ conversationId: id, editMessageId: id, regenerate: true, message: { text: "Better" } }).success).toBe(false);
  });
});

describe("messageFeedbackSchema", () => {
  it("takes a thumbs up (1), a thumbs down (-1) or null to clear the vote", () => {
    expect(messageFeedbackSchema.parse({ value: 1 })).toEqual({ value: 1 });
    expect(messageFeedbackSchema.parse({ value: -1 })).toEqual({ value: -1 });
    expect(messageFeedbackSchema.parse({ value: null })).toEqual({ value: null });
  });

  it("refuses any other value, a missing value and extra fields", () => {
    for (const body of [{ value: 0 }, { value: 2 }, { value: "1" }, { value: true }, {}, { value: 1, messageId: id }, null]) {
      expect(messageFeedbackSchema.safeParse(body).success, JSON.stringify(body)).toBe(false);
    }
  });
});

describe("conversationListQuerySchema", () => {
  it("trims the search and bounds its length", () => {
    expect(conversationListQuerySchema.parse({ q: "  budget  " })).toEqual({ q: "budget" });
    expect(conversationListQuerySchema.safeParse({ q: "x".repeat(201) }).success).toBe(false);
  });
});

describe("conversationChangeSchema", () => {
  it("takes a trimmed title or a model id, and needs one of them", () => {
    expect(conversationChangeSchema.parse({ title: "  Plans  " })).toEqual({ title: "Plans" });
    expect(conversationChangeSchema.parse({ modelId: null })).toEqual({ modelId: null });
    expect(conversationChangeSchema.safeParse({}).success).toBe(false);
    expect(conversationChangeSchema.safeParse({ title: "" }).success).toBe(false);
  });
});
