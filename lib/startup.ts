import "server-only";
// Work each server process does once at start. Failures are logged, never fatal: the app must come
// up so an admin can fix what is wrong.
import { seedEndpointsFromEnv } from "@/lib/ai/seed-from-env";
import { ensureStopListener } from "@/lib/chat/remote-stop";
import { holdRunnerLock, sweepInterruptedTurns } from "@/lib/chat/runner";

// Often enough that a dead instance's turn is released soon after the runner grace (lib/chat/runner.ts).
const SWEEP_EVERY_MS = 15_000;

async function sweep(): Promise<void> {
  try {
    const marked = await sweepInterruptedTurns();
    if (marked > 0) console.log(`[switchboard] Marked ${marked} answer(s) cut short by a stopped server as interrupted.`);
  } catch (error) {
    console.error("[switchboard] Checking for interrupted answers failed:", error instanceof Error ? error.message : error);
  }
}

export async function runStartupTasks(): Promise<void> {
  try {
    await seedEndpointsFromEnv();
  } catch (error) {
    console.error("[switchboard] Creating endpoints from environment variables failed:", error);
  }
  // Take this instance's liveness lock before judging other instances' turns.
  await holdRunnerLock();
  await sweep();
  // Another instance may die while this one lives on.
  setInterval(() => void sweep(), SWEEP_EVERY_MS).unref();
  void ensureStopListener();
}
