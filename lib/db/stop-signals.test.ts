// A stop published by any instance reaches the listeners of every instance (NOTIFY/LISTEN).
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/lib/testing/test-database";

const url = connectTestDatabase();

const { listenForStops, publishStop } = await import("@/lib/db/stop-signals");
const { db } = await import("@/lib/db/client");

afterAll(async () => {
  await db.$disconnect();
});

const conversationId = "11111111-1111-4111-8111-111111111111";
const userId = "22222222-2222-4222-8222-222222222222";

describe("stop signals", () => {
  it("deliver a stop published here and one sent by another connection (another instance)", async () => {
    const received: unknown[] = [];
    const unsubscribe = await listenForStops((signal) => received.push(signal));

    await publishStop({ conversationId, userId });
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    await other.query("SELECT pg_notify('switchboard_stop', $1)", [JSON.stringify({ conversationId, userId: conversationId })]);
    await other.query("SELECT pg_notify('switchboard_stop', $1)", ["not json"]);
    await other.end();

    await expect.poll(() => received.length).toBe(2);
    expect(received[0]).toEqual({ conversationId, userId });
    unsubscribe();
  });
});
