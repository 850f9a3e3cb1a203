// A stop published by any instance reaches the listeners of every instance (NOTIFY/LISTEN).
import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import { connectTestDatabase } from "@/lib/testing/test-database";

const url = connectTestDatabase();

const { listenForStops, publishStop, reconnectDelayMs } = await import("@/lib/db/stop-signals");
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

  it("come back after the listening connection is killed, saying so once each way", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const infos = vi.spyOn(console, "info").mockImplementation(() => {});
    const received: unknown[] = [];
    const unsubscribe = await listenForStops((signal) => received.push(signal));
    try {
      const killer = new pg.Client({ connectionString: url });
      await killer.connect();
      const killed = await killer.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN switchboard_stop%' AND pid <> pg_backend_pid()",
      );
      await killer.end();
      expect(killed.rowCount).toBeGreaterThanOrEqual(1);

      // The reconnect happens on its own (1 s later); stops published after it arrive again.
      await expect
        .poll(
          async () => {
            await publishStop({ conversationId, userId });
            return received.length;
          },
          { timeout: 5000, interval: 250 },
        )
        .toBeGreaterThan(0);
      expect(errors.mock.calls.filter(([message]) => String(message).includes("Stop-signal connection lost"))).toHaveLength(1);
      expect(infos.mock.calls.filter(([message]) => String(message).includes("Stop-signal connection restored"))).toHaveLength(1);
    } finally {
      unsubscribe();
      errors.mockRestore();
      infos.mockRestore();
    }
  });

  it("wait longer between reconnects while the database stays away, up to 10 s", () => {
    expect([1, 2, 3, 4, 5, 9].map(reconnectDelayMs)).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });
});
