// Database test (npm test provides TEST_DATABASE_URL): what Stop answers, for a turn run by another
// instance (a plain connection that LISTENs and saves the answer as stopped, as an instance does),
// for a turn whose instance is gone, and for none.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/lib/testing/test-database";

const url = connectTestDatabase();

const { db } = await import("@/lib/db/client");
const { stopConversationTurn } = await import("@/lib/chat/remote-stop");

let userId = "";

async function conversationWithAnswer(status: "streaming" | "complete", runnerId: string | null) {
  const conversation = await db.conversation.create({ data: { userId, title: "Stop" } });
  const answer = await db.message.create({ data: { conversationId: conversation.id, role: "assistant", parts: [], status, runnerId } });
  return { conversationId: conversation.id, answerId: answer.id };
}

beforeAll(async () => {
  userId = (await db.user.create({ data: { email: `stop-${randomUUID()}@test.local`, passwordHash: "x" } })).id;
});

afterAll(async () => {
  await db.user.deleteMany({ where: { id: userId } });
  await db.$disconnect();
});

describe("Stop", () => {
  it("says stopped: false when no answer is being written", async () => {
    const { conversationId } = await conversationWithAnswer("complete", null);
    expect(await stopConversationTurn(conversationId, userId, 500)).toBe(false);
  });

  it("says stopped: false when the answer's instance is gone and nobody stopped it", async () => {
    const { conversationId, answerId } = await conversationWithAnswer("streaming", "515151");
    expect(await stopConversationTurn(conversationId, userId, 800)).toBe(false);
    expect((await db.message.findUnique({ where: { id: answerId } }))?.status).toBe("streaming");
  });

  it("says stopped: true once the instance running the answer saved it as stopped", async () => {
    const { conversationId, answerId } = await conversationWithAnswer("streaming", "424242");
    const instance = new pg.Client({ connectionString: url });
    await instance.connect();
    instance.on("notification", (message) => {
      const signal = JSON.parse(message.payload ?? "{}") as { conversationId?: string };
      if (signal.conversationId === conversationId) void instance.query(`UPDATE "Message" SET status = 'stopped', "runnerId" = NULL WHERE id = $1`, [answerId]);
    });
    await instance.query("LISTEN switchboard_stop");
    try {
      expect(await stopConversationTurn(conversationId, userId, 5000)).toBe(true);
    } finally {
      await instance.end();
    }
  });
});

describe("Stop on someone else's conversation", () => {
  it("is a 404, as if it did not exist", async () => {
    const { conversationId } = await conversationWithAnswer("streaming", "515151");
    const stranger = await db.user.create({ data: { email: `stranger-${randomUUID()}@test.local`, passwordHash: "x" } });
    try {
      await expect(stopConversationTurn(conversationId, stranger.id, 200)).rejects.toMatchObject({ status: 404 });
    } finally {
      await db.user.delete({ where: { id: stranger.id } });
    }
  });
});
