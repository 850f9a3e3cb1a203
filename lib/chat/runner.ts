import "server-only";
// Which turns are still being run, across app instances. Every running turn holds a lease: a
// PostgreSQL advisory lock, taken on this process's own lock connection and named on the turn's row
// (`runnerId`). A "streaming" row whose lease is free was cut short (a crash, a restart, or a final
// write that failed for good), and a sweep on any instance marks it interrupted.
// - When the lock connection drops, it is opened again at once (then with the stop listener's
//   backoff) and every running turn's lease is taken again.
// - Meanwhile the leases are free, so a sweep gives a runner that is reconnecting a grace period: a
//   lease must have been seen free for RUNNER_GRACE_MS before its turn is marked.
import { randomInt } from "node:crypto";
import pg from "pg";
import { db } from "@/lib/db/client";
import type { LeaseFreeRow } from "@/lib/db/raw-rows";
import { reconnectDelayMs } from "@/lib/db/stop-signals";
import { getEnv } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";

const LOCK_CLASS = 774_203;
export const INTERRUPTED_MESSAGE = "The server stopped before this answer was finished. Regenerate it to try again.";
/** How long a lease must have been seen free before its turn is marked interrupted. */
export const RUNNER_GRACE_MS = 30_000;
/** Retired turns whose partial answer this process still keeps to write (oldest dropped beyond). */
const MAX_RETIRED = 1000;

type RunnerState = {
  client: Promise<pg.Client> | null;
  /** Leases of the turns running in this process: their locks are held on `client`. */
  leases: Set<number>;
  failures: number;
  retryTimer: NodeJS.Timeout | null;
  /** Writes of turns whose final write failed for good: tried again by this process's sweeps. */
  retired: Map<string, () => Promise<unknown>>;
  /** For the grace: when this process first saw each lease free. */
  freeSince: Map<string, number>;
};
const globalForRunner = globalThis as unknown as { switchboardRunner?: RunnerState };
const state: RunnerState = (globalForRunner.switchboardRunner ??= {
  client: null,
  leases: new Set(),
  failures: 0,
  retryTimer: null,
  retired: new Map(),
  freeSince: new Map(),
});

function scheduleReconnect(): void {
  if (state.retryTimer || state.leases.size === 0) return;
  // The first try comes at once; then 1 s, doubling, at most 10 s (as the stop listener).
  const delay = state.failures <= 1 ? 0 : reconnectDelayMs(state.failures - 1);
  state.retryTimer = setTimeout(() => {
    state.retryTimer = null;
    void connect().catch(() => {});
  }, delay);
  state.retryTimer.unref();
}

function connect(): Promise<pg.Client> {
  state.client ??= (async () => {
    const client = new pg.Client({ connectionString: getEnv().DATABASE_URL, connectionTimeoutMillis: 5000 });
    let done = false;
    const reset = (error?: Error) => {
      if (done) return;
      done = true;
      if (state.failures === 0) console.error("[switchboard] Runner lock connection lost; reconnecting:", error?.message ?? "the server closed it");
      state.failures += 1;
      state.client = null;
      client.removeAllListeners();
      client.on("error", () => {});
      void client.end().catch(() => {});
      scheduleReconnect();
    };
    client.on("error", reset);
    client.on("end", () => reset());
    try {
      await client.connect();
      // Every lease of this process, again (after a reconnect) or for the first time.
      await client.query("SELECT pg_advisory_lock($1::int, k) FROM unnest($2::int[]) AS k", [LOCK_CLASS, [...state.leases]]);
    } catch (error) {
      reset(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
    if (state.failures > 0) console.info("[switchboard] Runner lock connection restored.");
    state.failures = 0;
    return client;
  })();
  return state.client;
}

/** Opens this process's lock connection (at start-up, before judging other instances). Never throws. */
export async function holdRunnerLock(): Promise<void> {
  await connect().catch((error: unknown) => {
    console.error("[switchboard] Could not take the runner lock:", error instanceof Error ? error.message : error);
  });
}

export type TurnLease = {
  /** Stored on the turn's row as its runnerId. */
  id: string;
  /** The turn ended and was saved: the lease goes. Never throws. */
  release: () => Promise<void>;
  /**
   * The turn's final write failed for good: the lease goes, so a later sweep on any instance marks
   * the row interrupted (and the conversation takes the next message). This process's sweeps try
   * `write` first (it saves the partial answer this process still has).
   */
  retire: (messageId: string, write: () => Promise<unknown>) => Promise<void>;
};

/**
 * Takes a lease for a turn about to start. When the lock connection is down the lease is still
 * handed out and taken as soon as the connection is back (sweeps wait RUNNER_GRACE_MS meanwhile).
 */
export async function takeTurnLease(): Promise<TurnLease> {
  const key = randomInt(1, 2 ** 31 - 1);
  state.leases.add(key);
  try {
    const client = await connect();
    await client.query("SELECT pg_advisory_lock($1::int, $2::int)", [LOCK_CLASS, key]);
  } catch (error) {
    console.error("[switchboard] Could not take a turn's lease (it is taken when the database answers again):", error instanceof Error ? error.message : error);
    scheduleReconnect();
  }
  const release = async () => {
    if (!state.leases.delete(key)) return;
    const client = await state.client?.catch(() => null);
    // A lost connection released the lock already.
    await client?.query("SELECT pg_advisory_unlock($1::int, $2::int)", [LOCK_CLASS, key]).catch(() => undefined);
  };
  return {
    id: String(key),
    release,
    retire: async (messageId, write) => {
      state.retired.set(messageId, write);
      if (state.retired.size > MAX_RETIRED) state.retired.delete(state.retired.keys().next().value as string);
      await release();
    },
  };
}

/** The lease check's statement; rows: leaseFreeRowSchema (lib/db/raw-rows.ts). */
export const leaseFreeStatement = (key: number) => Prisma.sql`SELECT pg_try_advisory_xact_lock(${LOCK_CLASS}::int, ${key}::int) AS free`;

/** True while the lease (or, for rows of older versions, the instance) with this id holds its lock. */
async function isLeaseHeld(id: string): Promise<boolean> {
  const key = Number(id);
  if (!Number.isInteger(key)) return false;
  if (state.leases.has(key)) return true;
  // A transaction-level try-lock succeeds only if no session holds the lock; it is released when
  // this one-statement transaction ends.
  const rows = await db.$queryRaw<LeaseFreeRow[]>(leaseFreeStatement(key));
  return rows[0]?.free === false;
}

/** Writes what this process kept of turns it retired; those written (or gone) are forgotten. */
async function writeRetired(): Promise<void> {
  for (const [messageId, write] of [...state.retired]) {
    try {
      await write();
      state.retired.delete(messageId);
    } catch {
      // Still failing: the next sweep tries again.
    }
  }
}

export type SweepOptions = {
  /** Only this conversation's turns. */
  conversationId?: string;
  /** How long a lease must have been seen free (default RUNNER_GRACE_MS). */
  graceMs?: number;
};

/**
 * Marks as interrupted every "streaming" turn whose lease has been free for the grace period
 * (optionally only in one conversation), after writing the partial answers this process kept of
 * turns it retired. Returns how many messages were marked.
 */
export async function sweepInterruptedTurns(options: SweepOptions = {}): Promise<number> {
  const { conversationId, graceMs = RUNNER_GRACE_MS } = options;
  await writeRetired();
  const where = { status: "streaming" as const, ...(conversationId ? { conversationId } : {}) };
  const runners = await db.message.findMany({ where, distinct: ["runnerId"], select: { runnerId: true } });
  let marked = 0;
  const now = Date.now();
  if (!conversationId) {
    // Leases no longer streaming anywhere need no memory.
    const seen = new Set(runners.map((row) => row.runnerId));
    for (const id of state.freeSince.keys()) if (!seen.has(id)) state.freeSince.delete(id);
  }
  for (const { runnerId: id } of runners) {
    if (id && (await isLeaseHeld(id))) {
      state.freeSince.delete(id);
      continue;
    }
    if (id) {
      const since = state.freeSince.get(id) ?? now;
      state.freeSince.set(id, since);
      if (now - since < graceMs) continue;
    }
    const { count } = await db.message.updateMany({
      where: { ...where, runnerId: id },
      data: { status: "interrupted", error: INTERRUPTED_MESSAGE, runnerId: null },
    });
    if (id) state.freeSince.delete(id);
    marked += count;
  }
  return marked;
}
