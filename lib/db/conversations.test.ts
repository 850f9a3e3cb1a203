// Database test (npm test provides TEST_DATABASE_URL): every conversation and message query is
// scoped to its user, and the list pages newest first.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/lib/testing/test-database";

connectTestDatabase();

const { db } = await import("@/lib/db/client");
const conversations = await import("@/lib/db/conversations");
const { seedTurn } = await import("@/lib/testing/seed-turns");

let alice = "";
let bob = "";

async function createUser(name: string): Promise<string> {
  const user = await db.user.create({ data: { email: `${name}-${randomUUID()}@test.local`, passwordHash: "x" } });
  return user.id;
}

beforeAll(async () => {
  alice = await createUser("alice");
  bob = await createUser("bob");
});

afterAll(async () => {
  await db.user.deleteMany({ where: { id: { in: [alice, bob] } } });
  await db.$disconnect();
});

describe("conversations", () => {
  it("are visible to their owner only; another user's id is a 404", async () => {
    const conversation = { id: (await seedTurn({ userId: alice, title: "Secret", question: "Hi" })).conversationId };
    expect(await conversations.findConversationWithMessages(bob, conversation.id)).toBeNull();
    await expect(conversations.getConversationWithMessages(bob, conversation.id)).rejects.toMatchObject({ status: 404 });
    await expect(conversations.updateConversation(bob, conversation.id, { title: "Mine now" })).rejects.toMatchObject({ status: 404 });
    await expect(conversations.deleteConversation(bob, conversation.id)).rejects.toMatchObject({ status: 404 });
    expect((await conversations.listConversations(bob)).conversations.map((item) => item.id)).not.toContain(conversation.id);

    const own = await conversations.getConversationWithMessages(alice, conversation.id);
    expect(own.title).toBe("Secret");
    expect(own.messages.map((message) => message.role)).toEqual(["user", "assistant"]);
  });

  it("lists newest activity first, page by page", async () => {
    const user = await createUser("lister");
    try {
      const created: string[] = [];
      const base = Date.now() - 60_000;
      for (const [index, title] of ["one", "two", "three", "four", "five"].entries()) {
        const conversation = { id: (await seedTurn({ userId: user, title, question: title })).conversationId };
        // Distinct, increasing activity times (a second apart) keep the expected order exact.
        await db.conversation.update({ where: { id: conversation.id }, data: { lastMessageAt: new Date(base + index * 1000) } });
        created.push(conversation.id);
      }
      // Activity in "two" moves it to the top.
      await seedTurn({ userId: user, conversationId: created[1] ?? "", question: "again" });

      const first = await conversations.listConversations(user, { limit: 2 });
      expect(first.conversations.map((item) => item.title)).toEqual(["two", "five"]);
      expect(first.nextCursor).not.toBeNull();
      const second = await conversations.listConversations(user, { limit: 2, cursor: first.nextCursor ?? undefined });
      expect(second.conversations.map((item) => item.title)).toEqual(["four", "three"]);
      const third = await conversations.listConversations(user, { limit: 2, cursor: second.nextCursor ?? undefined });
      expect(third.conversations.map((item) => item.title)).toEqual(["one"]);
      expect(third.nextCursor).toBeNull();
    } finally {
      await db.user.delete({ where: { id: user } });
    }
  });

  it("deletes a conversation with its messages", async () => {
    const conversation = { id: (await seedTurn({ userId: alice, title: "Bye", question: "Hi" })).conversationId };
    await conversations.deleteConversation(alice, conversation.id);
    expect(await db.message.count({ where: { conversationId: conversation.id } })).toBe(0);
    expect(await conversations.findConversationWithMessages(alice, conversation.id)).toBeNull();
  });
});
