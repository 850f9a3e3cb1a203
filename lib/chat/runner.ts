import "server-only";
// Which app instance runs a turn, and whether that instance is still alive. Each process holds a
// PostgreSQL advisory lock (on its own connection) for as long as it lives; a turn left "streaming"
// by an instance whose lock is free was cut short by a crash or restart, and is marked interrupted.
import { randomInt } from "node:crypto";
import pg from "pg";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";

const LOCK_CLASS = 774_203;
export const INTERRUPTED_MESSAGE = "The server stopped before this answer was finished. Regenerate it to try again.";

type RunnerState = { key: number; client: Promise<pg.Client> | null };
const globalForRunner = globalThis as unknown as { switchboardRunner?: RunnerState };
const state: RunnerState = (globalForRunner.switchboardRunner ??= { key: randomInt(1, 2 ** 31 - 1), client: null });

/** This process's runner id, stored on the turns it runs. */
export const runnerId = (): string => String(state.key);

/** Takes this process's liveness lock (once; again after the connection is lost). Never throws. */
export async function holdRunnerLock(): Promise<void> {
  state.client ??= (async () => {
    const client = new pg.Client({ connectionString: getEnv().DATABASE_URL });
    const reset = () => {
      state.client = null;
      client.removeAllListeners();
      void client.end().catch(() => {});
    };
    client.on("error", reset);
    client.on("end", reset);
    try {
      await client.connect();
      await client.query("SELECT pg_advisory_lock($1, $2)", [LOCK_CLASS, state.key]);
      return client;
    } catch (error) {
      reset();
      throw error;
    }
  })();
  await state.client.catch((error: unknown) => {
    console.error("[switchboard] Could not take the runner lock:", error instanceof Error ? error.message : error);
  });
}

/** True when the instance with this runner id still holds its lock. */
async function isRunnerAlive(id: string): Promise<boolean> {
  if (id === runnerId()) return true;
  const key = Number(id);
  if (!Number.isInteger(key)) return false;
  // A transaction-level try-lock succeeds only if no session holds the runner's lock; it is released
  // when this one-statement transaction ends.
  const rows = await db.$queryRaw<Array<{ free: boolean }>>`SELECT pg_try_advisory_xact_lock(${LOCK_CLASS}::int, ${key}::int) AS free`;
  return rows[0]?.free === false;
}

/**
 * Marks as interrupted every "streaming" turn whose instance is gone (optionally only in one
 * conversation). Returns how many messages were marked.
 */
export async function sweepInterruptedTurns(conversationId?: string): Promise<number> {
  const runners = await db.message.findMany({
    where: { status: "streaming", ...(conversationId ? { conversationId } : {}) },
    distinct: ["runnerId"],
    select: { runnerId: true },
  });
  let marked = 0;
  for (const { runnerId: id } of runners) {
    if (id && (await isRunnerAlive(id))) continue;
    const { count } = await db.message.updateMany({
      where: { status: "streaming", runnerId: id, ...(conversationId ? { conversationId } : {}) },
      data: { status: "interrupted", error: INTERRUPTED_MESSAGE, runnerId: null },
    });
    marked += count;
  }
  return marked;
}
