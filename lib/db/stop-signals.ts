import "server-only";
// Stop requests across app instances. The instance that receives "Stop" may not be the one running
// the turn, so the request is broadcast with PostgreSQL NOTIFY and every instance LISTENs; the one
// that owns the turn aborts it. One dedicated connection per process, re-established after errors.
import pg from "pg";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";

const CHANNEL = "switchboard_stop";
const payloadSchema = z.object({ conversationId: z.uuid(), userId: z.uuid() });

export type StopSignal = z.infer<typeof payloadSchema>;
type Listener = (signal: StopSignal) => void;

type State = { listeners: Set<Listener>; client: Promise<pg.Client> | null; retryTimer: NodeJS.Timeout | null; failures: number };
const globalForStops = globalThis as unknown as { switchboardStopSignals?: State };
const state: State = (globalForStops.switchboardStopSignals ??= { listeners: new Set(), client: null, retryTimer: null, failures: 0 });

/** How long to wait before the next reconnect after `failures` failed tries in a row: 1 s, doubling, at most 10 s. */
export function reconnectDelayMs(failures: number): number {
  return Math.min(1000 * 2 ** Math.max(0, failures - 1), 10_000);
}

function connect(): Promise<pg.Client> {
  state.client ??= (async () => {
    const client = new pg.Client({ connectionString: getEnv().DATABASE_URL });
    // Until LISTEN has succeeded, a failure arrives through the awaited calls below; the events
    // (pg also emits "end" for a failed connect) count only afterwards, and once per client.
    let listening = false;
    let done = false;
    const reset = (error?: Error) => {
      if (done) return;
      done = true;
      // Said once per outage (and once when it is over), not at every try.
      if (state.failures === 0) console.error("[switchboard] Stop-signal connection lost; reconnecting:", error?.message ?? "the server closed it");
      state.failures += 1;
      state.client = null;
      client.removeAllListeners();
      void client.end().catch(() => {});
      // Reconnect soon so stops keep arriving even when nobody calls listen again (a new turn's
      // listen reconnects at once).
      if (state.listeners.size > 0 && !state.retryTimer) {
        state.retryTimer = setTimeout(() => {
          state.retryTimer = null;
          void connect().catch(() => {});
        }, reconnectDelayMs(state.failures));
        state.retryTimer.unref();
      }
    };
    client.on("error", (error) => listening && reset(error));
    client.on("end", () => listening && reset());
    client.on("notification", (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      let parsed: ReturnType<typeof payloadSchema.safeParse>;
      try {
        parsed = payloadSchema.safeParse(JSON.parse(message.payload));
      } catch {
        return;
      }
      if (!parsed.success) return;
      for (const listener of state.listeners) listener(parsed.data);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      listening = true;
      if (state.failures > 0) console.info("[switchboard] Stop-signal connection restored.");
      state.failures = 0;
    } catch (error) {
      reset(error instanceof Error ? error : new Error(String(error)));
      throw error;
    }
    return client;
  })();
  return state.client;
}

/** Calls `listener` for every stop request broadcast by any instance. Returns an unsubscribe function. */
export async function listenForStops(listener: Listener): Promise<() => void> {
  state.listeners.add(listener);
  try {
    await connect();
  } catch (error) {
    // The caller retries (lib/chat/remote-stop.ts, at the next turn); a listener left here would be called twice then.
    state.listeners.delete(listener);
    throw error;
  }
  return () => {
    state.listeners.delete(listener);
  };
}

/** Broadcasts a stop request to every instance (including this one). */
export async function publishStop(signal: StopSignal): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${CHANNEL}, ${JSON.stringify(signal)})`;
}
