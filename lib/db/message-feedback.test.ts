// Database test (npm test provides TEST_DATABASE_URL): votes on answers, by their owner only, one
// per answer, and the counts per model; editing a question drops it and what follows.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/lib/testing/test-database";

connectTestDatabase();

const { db } = await import("@/lib/db/client");
const { countFeedbackByModel, setMessageFeedback } = await import("@/lib/db/message-feedback");
const { seedTurn } = await import("@/lib/testing/seed-turns");

let alice = "";
let bob = "";
const model = `model-${randomUUID()}`;

/** A question and its answer (by `modelName`) in a conversation, new or existing. */
const exchange = (userId: string, conversationId?: string, modelName = model) => seedTurn({ userId, conversationId, title: "Votes", question: "Q", modelName });

const countsFor = async (name: string) => (await countFeedbackByModel()).find((row) => row.modelName === name);

beforeAll(async () => {
  alice = (await db.user.create({ data: { email: `alice-${randomUUID()}@test.local`, passwordHash: "x" } })).id;
  bob = (await db.user.create({ data: { email: `bob-${randomUUID()}@test.local`, passwordHash: "x" } })).id;
});

afterAll(async () => {
  await db.user.deleteMany({ where: { id: { in: [alice, bob] } } });
  await db.$disconnect();
});

describe("message feedback", () => {
  it("is one vote per answer, changed or taken back by its owner, and counted per model", async () => {
    const { conversationId, questionId: question, answerId: first } = await exchange(alice);
    const { answerId: second } = await exchange(alice, conversationId);

    expect(await setMessageFeedback(alice, first, 1)).toEqual({ id: first, feedback: 1 });
    await setMessageFeedback(alice, second, 1);
    await setMessageFeedback(alice, second, -1);
    expect(await countsFor(model)).toEqual({ modelName: model, up: 1, down: 1 });

    await setMessageFeedback(alice, first, null);
    expect(await countsFor(model)).toEqual({ modelName: model, up: 0, down: 1 });

    // Another user, an unknown id, or a question: 404, nothing changed.
    await expect(setMessageFeedback(bob, second, 1)).rejects.toMatchObject({ status: 404 });
    await expect(setMessageFeedback(alice, randomUUID(), 1)).rejects.toMatchObject({ status: 404 });
    await expect(setMessageFeedback(alice, question, 1)).rejects.toMatchObject({ status: 404 });
    expect(await countsFor(model)).toEqual({ modelName: model, up: 0, down: 1 });
  });

  it("refuses a value other than 1 or -1 in the database too", async () => {
    const { answerId: id } = await exchange(alice);
    await expect(db.message.update({ where: { id }, data: { feedback: 5 } })).rejects.toThrow();
  });
});
