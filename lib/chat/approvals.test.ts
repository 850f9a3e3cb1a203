import { describe, expect, it } from "vitest";
import { applyApprovals, DENIED_BY_USER, hasPendingApprovals } from "@/lib/chat/approvals";
import type { ChatPart } from "@/lib/types/chat";

const pending = (id: string, call: string): ChatPart => ({ type: "tool-createPet", toolCallId: call, state: "approval-requested", input: { body: { name: "Rex" } }, approval: { id } });
const parts: ChatPart[] = [{ type: "step-start" }, { type: "text", text: "Let me add it." }, pending("ap1", "c1")];

describe("applyApprovals", () => {
  it("answers a pending request, approved", () => {
    const next = applyApprovals(parts, [{ id: "ap1", approved: true }]);
    expect(next[2]).toEqual({ type: "tool-createPet", toolCallId: "c1", state: "approval-responded", input: { body: { name: "Rex" } }, approval: { id: "ap1", approved: true } });
    expect(next.slice(0, 2)).toEqual(parts.slice(0, 2));
    expect(hasPendingApprovals(next)).toBe(false);
  });

  it("gives a denial a reason the model can read", () => {
    expect(applyApprovals(parts, [{ id: "ap1", approved: false }])[2]).toMatchObject({ approval: { approved: false, reason: DENIED_BY_USER } });
    expect(applyApprovals(parts, [{ id: "ap1", approved: false, reason: "Not today" }])[2]).toMatchObject({ approval: { reason: "Not today" } });
  });

  it("refuses an answer to a request that is not open, and leaves none unanswered", () => {
    expect(() => applyApprovals(parts, [{ id: "nope", approved: true }])).toThrow(/Approve or deny every pending tool call/);
    expect(() => applyApprovals(parts, [{ id: "ap1", approved: true }, { id: "other", approved: true }])).toThrow(/no longer open/);
    const two = [...parts, pending("ap2", "c2")];
    expect(() => applyApprovals(two, [{ id: "ap1", approved: true }])).toThrow(/every pending tool call/);
    expect(hasPendingApprovals(two)).toBe(true);
  });

  it("refuses answers when nothing is pending (an answer already given can't be changed)", () => {
    const answered = applyApprovals(parts, [{ id: "ap1", approved: false }]);
    expect(() => applyApprovals(answered, [{ id: "ap1", approved: true }])).toThrow(/no longer open/);
  });
});
