// Database test (TEST_DATABASE_URL): edits and regenerations keep every branch, the page and the
// model follow the selected one, a switch is remembered, and an edit that fails loses nothing.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/lib/testing/test-database";

const url = connectTestDatabase();

const { db } = await import("@/lib/db/client");
const { prepareTurn } = await import("@/lib/chat/prepare-turn");
const { startTurn } = await import("@/lib/chat/running-turns");
const { finishTurnMessage } = await import("@/lib/db/turn-writes");
const { selectBranch } = await import("@/lib/db/conversation-branch");
const { findConversationWithMessages } = await import("@/lib/db/conversations");
const { partsText } = await import("@/lib/chat/parts");

type User = Parameters<typeof prepareTurn>[0];
type Request = Parameters<typeof prepareTurn>[1];

let alice: User;
let bob: User;
let modelId = "";
let endpointId = "";

async function createUser(name: string): Promise<User> {
  const row = await db.user.create({ data: { email: `${name}-${randomUUID()}@test.local`, passwordHash: "x" } });
  return { id: row.id, email: row.email, name: null, role: "user" };
}

beforeAll(async () => {
  alice = await createUser("alice");
  bob = await createUser("bob");
  const endpoint = await db.endpoint.create({ data: { name: "Branches", kind: "openai_compatible", preset: "custom", baseUrl: "http://127.0.0.1:9/v1" } });
  endpointId = endpoint.id;
  modelId = (await db.model.create({ data: { endpointId, name: `branch-model-${randomUUID()}`, enabled: true } })).id;
});

afterAll(async () => {
  await db.user.deleteMany({ where: { id: { in: [alice.id, bob.id] } } });
  await db.endpoint.deleteMany({ where: { id: endpointId } });
  await db.$disconnect();
});

const texts = (messages: ReadonlyArray<{ parts: unknown }>) => messages.map((message) => partsText(message.parts as Parameters<typeof partsText>[0]));

/** One whole turn: started as the chat route starts it, then answered "answer to <question>". */
async function ask(user: User, request: Omit<Request, "modelId">) {
  const turn = await prepareTurn(user, { ...request, modelId } as Request);
  const question = texts(turn.history).at(-1);
  await finishTurnMessage({ userId: user.id, messageId: turn.answerId, parts: [{ type: "text", text: `answer to ${question}` }], status: "complete", error: null, inputTokens: null, outputTokens: null, ttftMs: null, durationMs: null });
  turn.handle.finish();
  return turn;
}

async function shown(user: User, conversationId: string) {
  const conversation = await findConversationWithMessages(user.id, conversationId);
  return conversation?.messages ?? [];
}

/** A conversation "first" -> "second", answered; returns its id and the ids of its messages. */
async function twoTurns(user: User) {
  const q1 = randomUUID();
  const q2 = randomUUID();
  const { conversationId } = await ask(user, { message: { id: q1, text: "first" } });
  await ask(user, { conversationId, message: { id: q2, text: "second" } });
  return { conversationId, q1, q2 };
}

describe("branches", () => {
  it("an edit keeps the old question and its answers; the page and the model follow the selected branch, which a switch changes and remembers", async () => {
    const { conversationId, q2 } = await twoTurns(alice);

    const q2b = randomUUID();
    const edited = await ask(alice, { conversationId, editMessageId: q2, message: { id: q2b, text: "second, edited" } });
    // The model gets the path to the new question, not the old one.
    expect(texts(edited.history)).toEqual(["first", "answer to first", "second, edited"]);
    let view = await shown(alice, conversationId);
    expect(texts(view)).toEqual(["first", "answer to first", "second, edited", "answer to second, edited"]);
    expect(view[2]?.siblingIds).toEqual([q2, q2b]);
    // Nothing was deleted.
    expect(await db.message.count({ where: { conversationId } })).toBe(6);

    // Back to the first version: shown, remembered (a new read sees it), and followed by the next turn.
    await selectBranch(alice.id, conversationId, q2);
    view = await shown(alice, conversationId);
    expect(texts(view)).toEqual(["first", "answer to first", "second", "answer to second"]);
    expect(view[2]?.siblingIds).toEqual([q2, q2b]);
    const third = await ask(alice, { conversationId, message: { id: randomUUID(), text: "third" } });
    expect(texts(third.history)).toEqual(["first", "answer to first", "second", "answer to second", "third"]);

    // Regenerate: a second answer beside the first; both stay, the new one is shown.
    const again = await prepareTurn(alice, { conversationId, regenerate: true, message: { text: "third" }, modelId });
    expect(texts(again.history)).toEqual(["first", "answer to first", "second", "answer to second", "third"]);
    expect(again.answerSiblingIds).toHaveLength(2);
    await finishTurnMessage({ userId: alice.id, messageId: again.answerId, parts: [{ type: "text", text: "another answer to third" }], status: "complete", error: null, inputTokens: null, outputTokens: null, ttftMs: null, durationMs: null });
    again.handle.finish();
    view = await shown(alice, conversationId);
    expect(texts(view).slice(-2)).toEqual(["third", "another answer to third"]);
    expect(view.at(-1)?.siblingIds).toEqual(again.answerSiblingIds);
    const firstAnswer = view.at(-1)?.siblingIds?.[0] ?? "";
    await selectBranch(alice.id, conversationId, firstAnswer);
    expect(texts(await shown(alice, conversationId)).slice(-2)).toEqual(["third", "answer to third"]);

    // The edited branch is still there, whole.
    await selectBranch(alice.id, conversationId, q2b);
    expect(texts(await shown(alice, conversationId))).toEqual(["first", "answer to first", "second, edited", "answer to second, edited"]);

    // Someone else's conversation, or a message from elsewhere: 404, and nothing changes.
    await expect(selectBranch(bob.id, conversationId, q2)).rejects.toMatchObject({ status: 404 });
    await expect(selectBranch(alice.id, conversationId, randomUUID())).rejects.toMatchObject({ status: 404 });
    await expect(prepareTurn(bob, { conversationId, editMessageId: q2, message: { text: "mine" }, modelId })).rejects.toMatchObject({ status: 404 });
    expect(texts(await shown(alice, conversationId))).toEqual(["first", "answer to first", "second, edited", "answer to second, edited"]);
  });

  it("editing the first question makes a second first question; the model then gets only the new one", async () => {
    const { conversationId, q1 } = await twoTurns(alice);
    const turn = await ask(alice, { conversationId, editMessageId: q1, message: { id: randomUUID(), text: "first, better" } });
    expect(texts(turn.history)).toEqual(["first, better"]);
    const view = await shown(alice, conversationId);
    expect(texts(view)).toEqual(["first, better", "answer to first, better"]);
    expect(view[0]?.siblingIds?.[0]).toBe(q1);
  });

  it("an edit refused after it started (another answer running in this process) loses nothing", async () => {
    const { conversationId, q1 } = await twoTurns(alice);
    const before = texts(await shown(alice, conversationId));
    const running = startTurn(conversationId, alice.id);
    try {
      await expect(prepareTurn(alice, { conversationId, editMessageId: q1, message: { text: "replacement" }, modelId })).rejects.toMatchObject({ status: 409 });
    } finally {
      running?.finish();
    }
    expect(texts(await shown(alice, conversationId))).toEqual(before);
    expect(await db.message.count({ where: { conversationId } })).toBe(4);
  });

  it("an edit whose database connection is killed while it writes loses nothing, and the conversation goes on", async () => {
    const { conversationId, q1 } = await twoTurns(alice);
    const before = texts(await shown(alice, conversationId));

    // Hold the conversation's row so the edit's write waits, then kill the backend that waits.
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    await blocker.query("BEGIN");
    await blocker.query(`SELECT id FROM "Conversation" WHERE id = $1 FOR UPDATE`, [conversationId]);
    const edit = prepareTurn(alice, { conversationId, editMessageId: q1, message: { text: "replacement" }, modelId });
    const outcome = edit.then(
      () => "started",
      (error: unknown) => error,
    );
    let killed = 0;
    // Whichever of the edit's statements waits for the row (the only backend here that can wait on a lock).
    for (let attempt = 0; attempt < 100 && killed === 0; attempt++) {
      const { rows } = await blocker.query<{ killed: boolean }>(
        `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`,
      );
      killed = rows.filter((row) => row.killed).length;
      if (killed === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await blocker.query("ROLLBACK");
    await blocker.end();
    expect(killed).toBe(1);
    expect(await outcome).not.toBe("started");

    expect(texts(await shown(alice, conversationId))).toEqual(before);
    expect(await db.message.count({ where: { conversationId } })).toBe(4);
    // The edit asked again works.
    const retried = await ask(alice, { conversationId, editMessageId: q1, message: { id: randomUUID(), text: "replacement" } });
    expect(texts(retried.history)).toEqual(["replacement"]);
    expect(await db.message.count({ where: { conversationId } })).toBe(6);
  });
});
