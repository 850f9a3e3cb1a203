import { describe, expect, it } from "vitest";
import type { StoredMessage } from "@/lib/chat/history";
import { planTurn } from "@/lib/chat/plan-turn";

const row = (id: string, parentId: string | null, role: "user" | "assistant"): StoredMessage => ({
  id,
  parentId,
  role,
  parts: [{ type: "text", text: id }],
  status: "complete",
  error: null,
  modelName: null,
  endpointName: null,
});

// q1 -> a1 -> q2 -> a2, and q2 edited once: q2b -> a2b (selected).
const rows = [row("q1", null, "user"), row("a1", "q1", "assistant"), row("q2", "a1", "user"), row("a2", "q2", "assistant"), row("q2b", "a1", "user"), row("a2b", "q2b", "assistant")];
const parts = [{ type: "text" as const, text: "new" }];
const texts = (plan: ReturnType<typeof planTurn>) => plan.history.map((message) => message.parts.map((part) => (part.type === "text" ? part.text : "")).join(""));

describe("planTurn", () => {
  it("puts a new question after the branch shown, with the browser's id", () => {
    const plan = planTurn(rows, "a2b", {}, parts, "n1");
    expect(plan.userMessage).toEqual({ id: "n1", parts, parentId: "a2b" });
    expect(plan.answerParentId).toBe("n1");
    expect(texts(plan)).toEqual(["q1", "a1", "q2b", "a2b", "new"]);
  });

  it("makes an edit a sibling of the edited question, whichever branch is shown", () => {
    const plan = planTurn(rows, "a2b", { editMessageId: "q2" }, parts, "n2");
    expect(plan.userMessage).toEqual({ id: "n2", parts, parentId: "a1" });
    expect(texts(plan)).toEqual(["q1", "a1", "new"]);
    expect(planTurn(rows, "a2b", { editMessageId: "q1" }, parts, "n3").userMessage?.parentId).toBeNull();
  });

  it("refuses to edit an answer or a message of another conversation (404)", () => {
    expect(() => planTurn(rows, "a2b", { editMessageId: "a1" }, parts, "n")).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => planTurn(rows, "a2b", { editMessageId: "elsewhere" }, parts, "n")).toThrow(expect.objectContaining({ status: 404 }));
  });

  it("re-asks the shown answer's question on regenerate, beside the answers it has", () => {
    const plan = planTurn(rows, "a2b", { regenerate: true }, parts, "n");
    expect(plan.userMessage).toBeNull();
    expect(plan.answerParentId).toBe("q2b");
    expect(plan.earlierAnswerIds).toEqual(["a2b"]);
    expect(texts(plan)).toEqual(["q1", "a1", "q2b"]);
  });
});
