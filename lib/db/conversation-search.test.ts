// Database test (npm test provides TEST_DATABASE_URL): full-text search over titles and message
// text, ranked, scoped to the user.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/lib/testing/test-database";

connectTestDatabase();

const { db } = await import("@/lib/db/client");
const { searchConversations, searchStatement } = await import("@/lib/db/conversation-search");
const { Prisma } = await import("@/lib/generated/prisma/client");
const { seedTurn } = await import("@/lib/testing/seed-turns");

let alice = "";
let bob = "";
const text = (value: string) => [{ type: "text" as const, text: value }];

async function conversation(userId: string, title: string, question: string, answer?: string): Promise<string> {
  const parts = answer ? [{ type: "reasoning" as const, text: "zebra thoughts" }, ...text(answer)] : [];
  return (await seedTurn({ userId, title, question, answer: parts })).conversationId;
}

const ids = async (userId: string, query: string) => (await searchConversations(userId, query)).map((item) => item.id);

beforeAll(async () => {
  alice = (await db.user.create({ data: { email: `alice-${randomUUID()}@test.local`, passwordHash: "x" } })).id;
  bob = (await db.user.create({ data: { email: `bob-${randomUUID()}@test.local`, passwordHash: "x" } })).id;
});

afterAll(async () => {
  await db.user.deleteMany({ where: { id: { in: [alice, bob] } } });
  await db.$disconnect();
});

describe("searchConversations", () => {
  it("finds titles and the text of questions and answers, only the user's own", async () => {
    const byTitle = await conversation(alice, "Kubernetes upgrade plan", "hello");
    const byQuestion = await conversation(alice, "Misc", "How do I configure the kubernetes ingress?");
    const byAnswer = await conversation(alice, "Other", "help", "Use a Kubernetes operator for that.");
    const bobs = await conversation(bob, "Kubernetes for bob", "kubernetes kubernetes");

    const found = await ids(alice, "kubernetes");
    expect(found.sort()).toEqual([byTitle, byQuestion, byAnswer].sort());
    expect(found).not.toContain(bobs);
    expect(await ids(bob, "kubernetes")).toEqual([bobs]);
  });

  it("ranks a title match above a passing mention, and each conversation once", async () => {
    const mention = await conversation(alice, "Chat one", "We talked about a walrus once, and a walrus again", "walrus walrus");
    const titled = await conversation(alice, "Walrus facts", "tell me");
    const found = await ids(alice, "walrus");
    expect(found).toEqual([titled, mention]);
  });

  it("takes web-search syntax: phrases, exclusions, or; nothing for punctuation, reasoning or blank", async () => {
    const red = await conversation(alice, "Paint", "the red barn door");
    const blue = await conversation(alice, "Paint 2", "the blue barn door");
    expect((await ids(alice, '"red barn"')).sort()).toEqual([red]);
    expect(await ids(alice, "barn -red")).toEqual([blue]);
    expect((await ids(alice, "red or blue")).sort()).toEqual([red, blue].sort());
    expect(await ids(alice, "!!! ???")).toEqual([]);
    expect(await ids(alice, "   ")).toEqual([]);
    expect(await ids(alice, "zebra")).toEqual([]);
  });

  it("finds messages through the stored vector's index, never parsing message text", async () => {
    // The test tables are tiny, so sequential scans are switched off to see which indexes can serve.
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${searchStatement(alice, "kubernetes", 30)}`);
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    });
    expect(plan).toContain('Bitmap Index Scan on "Message_searchVector_idx"');
    expect(plan).not.toMatch(/to_tsvector\('simple'::regconfig, m\."searchText"\)/);
  });

  it("returns sidebar summaries", async () => {
    const id = await conversation(alice, "Quokka notes", "about quokkas");
    const [hit] = await searchConversations(alice, "quokka");
    expect(hit).toMatchObject({ id, title: "Quokka notes", modelId: null, assistant: null });
    expect(hit?.lastMessageAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});
