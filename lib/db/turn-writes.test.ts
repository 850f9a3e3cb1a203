// Database test (npm test provides TEST_DATABASE_URL): the one-statement turn writes, the busy guard,
// ownership, and the sweep that marks turns of dead instances as interrupted.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/lib/testing/test-database";
import type { ChatPart } from "@/lib/types/chat";

const url = connectTestDatabase();

const { db } = await import("@/lib/db/client");
const { beginTurn, finishTurnMessage, resumeTurn } = await import("@/lib/db/turn-writes");
type BeginTurnInput = Parameters<typeof beginTurn>[0];
const { takeTurnLease, sweepInterruptedTurns, INTERRUPTED_MESSAGE } = await import("@/lib/chat/runner");

let alice = "";
let bob = "";
// The lease of this process's turns (lib/chat/runner.ts): held for the whole file.
let runnerId = "";
const modelId = randomUUID();
const text = (value: string) => [{ type: "text" as const, text: value }];

type TurnOptions = Partial<BeginTurnInput> & {
  /** The message the new question follows (default: none, a first question). */
  after?: string | null;
  /** The question a re-run answers (with userMessage: null). */
  answers?: string;
};

function turn(userId: string, conversationId: string, options: TurnOptions = {}): BeginTurnInput {
  const { after = null, answers, ...overrides } = options;
  const userMessage = overrides.userMessage === undefined ? { id: randomUUID(), parts: text("question"), parentId: after } : overrides.userMessage;
  return {
    userId,
    conversationId,
    runnerId,
    pickedModelId: null,
    ...overrides,
    userMessage,
    assistant: { id: randomUUID(), parentId: answers ?? userMessage?.id ?? "", modelId, modelName: "Model", endpointName: "Endpoint" },
  };
}

const rows = (conversationId: string) =>
  db.message.findMany({ where: { conversationId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, role: true, status: true, parts: true, runnerId: true, error: true } });

beforeAll(async () => {
  alice = (await db.user.create({ data: { email: `alice-${randomUUID()}@test.local`, passwordHash: "x" } })).id;
  bob = (await db.user.create({ data: { email: `bob-${randomUUID()}@test.local`, passwordHash: "x" } })).id;
  runnerId = (await takeTurnLease()).id;
});

afterAll(async () => {
  await db.user.deleteMany({ where: { id: { in: [alice, bob] } } });
  await db.$disconnect();
});

describe("turn writes", () => {
  it("create a conversation with the question and a streaming placeholder, then write the answer over it", async () => {
    const conversationId = randomUUID();
    const first = turn(alice, conversationId, { create: { title: "Hello" } });
    expect(await beginTurn(first)).toBe("started");
    expect((await rows(conversationId)).map((row) => [row.role, row.status])).toEqual([
      ["user", "complete"],
      ["assistant", "streaming"],
    ]);

    // A second turn while the first is still streaming is refused.
    expect(await beginTurn(turn(alice, conversationId))).toBe("busy");
    // Another user's turn in this conversation: not found, and nothing written.
    expect(await beginTurn(turn(bob, conversationId))).toBe("not_found");
    expect(await finishTurnMessage({ userId: bob, messageId: first.assistant.id, parts: text("x"), status: "complete", error: null, inputTokens: 1, outputTokens: 1, ttftMs: 1, durationMs: 1 })).toEqual({
      saved: false,
      firstAnswer: null,
    });

    expect(
      await finishTurnMessage({ userId: alice, messageId: first.assistant.id, parts: text("answer"), status: "complete", error: null, inputTokens: 10, outputTokens: 2, ttftMs: 5, durationMs: 50 }),
    ).toEqual({ saved: true, firstAnswer: { title: "Hello", question: "question" } });
    const saved = await rows(conversationId);
    expect(saved.map((row) => [row.role, row.status, row.runnerId])).toEqual([
      ["user", "complete", null],
      ["assistant", "complete", null],
    ]);
    expect(saved[1]?.parts).toEqual(text("answer"));

    // Regenerate: a new answer beside the first (which is kept), the question not repeated; the new
    // answer is the branch shown.
    const again = turn(alice, conversationId, { userMessage: null, answers: saved[0]?.id });
    expect(await beginTurn(again)).toBe("started");
    expect((await rows(conversationId)).map((row) => [row.id, row.status])).toEqual([
      [saved[0]?.id, "complete"],
      [first.assistant.id, "complete"],
      [again.assistant.id, "streaming"],
    ]);
    const tree = await db.message.findMany({ where: { conversationId }, select: { id: true, parentId: true } });
    expect(tree.filter((row) => row.parentId === saved[0]?.id).map((row) => row.id).sort()).toEqual([first.assistant.id, again.assistant.id].sort());
    expect((await db.conversation.findUnique({ where: { id: conversationId } }))?.activeLeafId).toBe(again.assistant.id);
  });

  it("recognise a retried send by the browser's message id: no second question, no second turn, even when the copies race", async () => {
    const conversationId = randomUUID();
    const first = turn(alice, conversationId, { create: { title: "Once" } });
    expect(await beginTurn(first)).toBe("started");
    // The same request again while the answer streams, and after it is saved.
    expect(await beginTurn(turn(alice, conversationId, { userMessage: first.userMessage }))).toBe("duplicate");
    await finishTurnMessage({ userId: alice, messageId: first.assistant.id, parts: text("answer"), status: "complete", error: null, inputTokens: null, outputTokens: null, ttftMs: null, durationMs: null });
    expect(await beginTurn(turn(alice, conversationId, { userMessage: first.userMessage }))).toBe("duplicate");
    // Retried as a new conversation (the first response never arrived): nothing is created.
    const again = randomUUID();
    expect(await beginTurn(turn(alice, again, { create: { title: "Once" }, userMessage: first.userMessage }))).toBe("duplicate");
    expect(await db.conversation.count({ where: { id: again } })).toBe(0);

    // Two copies of the next send at once: exactly one turn starts.
    const next = { id: randomUUID(), parts: text("next"), parentId: first.assistant.id };
    const results = await Promise.all([beginTurn(turn(alice, conversationId, { userMessage: next })), beginTurn(turn(alice, conversationId, { userMessage: next }))]);
    expect(results.filter((result) => result === "started")).toHaveLength(1);
    expect(results.filter((result) => result === "started" || result === "duplicate" || result === "busy")).toHaveLength(2);
    expect((await rows(conversationId)).map((row) => [row.role, row.status])).toEqual([
      ["user", "complete"],
      ["assistant", "complete"],
      ["user", "complete"],
      ["assistant", "streaming"],
    ]);
  });

  it("resume an answer after its approval requests are answered: its parts are written and it streams again", async () => {
    const conversationId = randomUUID();
    const first = turn(alice, conversationId, { create: { title: "Pets" } });
    await beginTurn(first);
    const asked: ChatPart[] = [{ type: "step-start" }, { type: "tool-createPet", toolCallId: "c1", state: "approval-requested", input: {}, approval: { id: "ap1" } }];
    await finishTurnMessage({ userId: alice, messageId: first.assistant.id, parts: asked, status: "complete", error: null, inputTokens: null, outputTokens: null, ttftMs: null, durationMs: null });
    const answered: ChatPart[] = [{ type: "step-start" }, { type: "tool-createPet", toolCallId: "c1", state: "approval-responded", input: {}, approval: { id: "ap1", approved: true } }];
    const resume = { userId: alice, conversationId, messageId: first.assistant.id, parts: answered, approvalIds: ["ap1"], runnerId };

    expect(await resumeTurn({ ...resume, userId: bob })).toBe("not_found");
    expect(await resumeTurn(resume)).toBe("started");
    const [, answer] = await rows(conversationId);
    expect([answer?.id, answer?.status, answer?.runnerId]).toEqual([first.assistant.id, "streaming", runnerId]);
    expect(answer?.parts).toEqual(answered);
    // Twice at once: the second is refused while the first runs.
    expect(await resumeTurn(resume)).toBe("busy");
  });

  it("run an approved action once: resuming the same approval again after its turn ended is refused as stale", async () => {
    const conversationId = randomUUID();
    const first = turn(alice, conversationId, { create: { title: "Once" } });
    await beginTurn(first);
    const asked: ChatPart[] = [{ type: "tool-createPet", toolCallId: "c1", state: "approval-requested", input: {}, approval: { id: "ap1" } }];
    const finish = (parts: ChatPart[]) =>
      finishTurnMessage({ userId: alice, messageId: first.assistant.id, parts, status: "complete", error: null, inputTokens: null, outputTokens: null, ttftMs: null, durationMs: null });
    await finish(asked);
    const answered: ChatPart[] = [{ type: "tool-createPet", toolCallId: "c1", state: "approval-responded", input: {}, approval: { id: "ap1", approved: true } }];
    const resume = { userId: alice, conversationId, messageId: first.assistant.id, parts: answered, approvalIds: ["ap1"], runnerId };

    expect(await resumeTurn(resume)).toBe("started");
    // The action ran and the answer was saved with its result.
    await finish([{ type: "tool-createPet", toolCallId: "c1", state: "output-available", input: {}, output: { id: 1 }, approval: { id: "ap1", approved: true } }]);
    // The same approval again (a second tab, a repeated request read before the first wrote): refused.
    expect(await resumeTurn(resume)).toBe("stale");
    expect((await rows(conversationId)).map((row) => row.status)).toEqual(["complete", "complete"]);
  });

  it("never start a turn beside a streaming one, even when the other start is not committed yet", async () => {
    const conversationId = randomUUID();
    const first = turn(alice, conversationId, { create: { title: "Race" } });
    expect(await beginTurn(first)).toBe("started");
    await finishTurnMessage({ userId: alice, messageId: first.assistant.id, parts: text("done"), status: "complete", error: null, inputTokens: null, outputTokens: null, ttftMs: null, durationMs: null });

    // Another instance starts a turn in the same conversation: its transaction has written the
    // streaming placeholder and touched the conversation, and commits a moment later.
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    await other.query("BEGIN");
    await other.query('UPDATE "Conversation" SET "lastMessageAt" = now() WHERE id = $1', [conversationId]);
    await other.query(`INSERT INTO "Message" (id, "conversationId", role, parts, status, "runnerId") VALUES ($1, $2, 'assistant', '[]', 'streaming', 'other')`, [randomUUID(), conversationId]);
    const mine = beginTurn(turn(alice, conversationId));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await other.query("COMMIT");
    await other.end();

    expect(await mine).toBe("busy");
    const streaming = (await rows(conversationId)).filter((row) => row.status === "streaming");
    expect(streaming.map((row) => row.runnerId)).toEqual(["other"]);
    await db.message.updateMany({ where: { conversationId, status: "streaming" }, data: { status: "interrupted" } });
  });

  it("write the text that search reads, and say which answer is the conversation's first complete one", async () => {
    const conversationId = randomUUID();
    const first = turn(alice, conversationId, { create: { title: "Opening" }, userMessage: { id: randomUUID(), parts: text("opening question"), parentId: null } });
    expect(await beginTurn(first)).toBe("started");
    const finish = (messageId: string, status: "complete" | "error", parts: ChatPart[] = text("an answer")) =>
      finishTurnMessage({ userId: alice, messageId, parts, status, error: null, inputTokens: null, outputTokens: null, ttftMs: null, durationMs: null });

    // A failed first answer is no reason for a title; its Retry (beside it: nothing is deleted), once complete, is.
    expect(await finish(first.assistant.id, "error", [])).toEqual({ saved: true, firstAnswer: null });
    const retry = turn(alice, conversationId, { userMessage: null, answers: first.userMessage?.id });
    expect(await beginTurn(retry)).toBe("started");
    expect(await finish(retry.assistant.id, "complete", [{ type: "reasoning", text: "hidden" }, ...text("the answer")])).toEqual({
      saved: true,
      firstAnswer: { title: "Opening", question: "opening question" },
    });
    const second = turn(alice, conversationId, { userMessage: { id: randomUUID(), parts: text("follow-up"), parentId: retry.assistant.id } });
    expect(await beginTurn(second)).toBe("started");
    expect(await finish(second.assistant.id, "complete")).toEqual({ saved: true, firstAnswer: null });

    const stored = await db.message.findMany({ where: { conversationId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { searchText: true } });
    expect(stored.map((row) => row.searchText)).toEqual(["opening question", null, "the answer", "follow-up", "an answer"]);
  });

  it("mark a dead instance's streaming turn as interrupted, and leave a live one alone", async () => {
    const conversationId = randomUUID();
    const live = turn(alice, conversationId, { create: { title: "Live" } });
    expect(await beginTurn(live)).toBe("started");

    // Another "instance" that holds its lock, and one that is gone.
    const otherLive = new pg.Client({ connectionString: url });
    await otherLive.connect();
    await otherLive.query("SELECT pg_advisory_lock(774203, 424242)");
    const livingConversation = randomUUID();
    expect(await beginTurn(turn(bob, livingConversation, { create: { title: "Other" }, runnerId: "424242" }))).toBe("started");
    const deadConversation = randomUUID();
    const dead = turn(bob, deadConversation, { create: { title: "Dead" }, runnerId: "515151" });
    expect(await beginTurn(dead)).toBe("started");

    expect(await sweepInterruptedTurns({ graceMs: 0 })).toBeGreaterThanOrEqual(1);
    expect((await rows(deadConversation)).at(-1)).toMatchObject({ status: "interrupted", error: INTERRUPTED_MESSAGE, runnerId: null });
    expect((await rows(livingConversation)).at(-1)?.status).toBe("streaming");
    expect((await rows(conversationId)).at(-1)?.status).toBe("streaming");

    // The conversation of the dead turn is usable again.
    expect(await beginTurn(turn(bob, deadConversation))).toBe("started");

    await otherLive.end();
    expect(await sweepInterruptedTurns({ conversationId: livingConversation, graceMs: 0 })).toBe(1);
  });
});
