import "server-only";
// Load shedding: a cap on the answers this instance writes at once (browser turns and API runs).
// Beyond it a new turn is refused at once with a 503, Retry-After and a sentence, so a load balancer
// or the client tries another instance instead of every turn queueing for CPU; readiness reports
// the instance as saturated meanwhile (lib/health/readiness.ts). Answers already running are
// never cut.
import os from "node:os";
import { runningTurnCount } from "@/lib/chat/running-turns";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** The default cap per CPU core: a turn costs tens of milliseconds of CPU, a stream mostly waits. */
export const TURNS_PER_CORE = 150;

export const BUSY_INSTANCE =
  "This Switchboard is answering as many messages as it can right now. Wait a moment and send it again; nothing was lost.";

const state = globalThis as unknown as { switchboardApiRuns?: { count: number } };
const apiRuns = (state.switchboardApiRuns ??= { count: 0 });

/** +1 when an API run starts, -1 when it ends (browser turns are counted by lib/chat/running-turns.ts). */
export function trackApiRun(delta: 1 | -1): void {
  apiRuns.count = Math.max(0, apiRuns.count + delta);
}

export function activeAnswers(): number {
  return runningTurnCount() + apiRuns.count;
}

export function turnCapacity(): number {
  return getEnv().MAX_RUNNING_TURNS ?? TURNS_PER_CORE * Math.max(1, os.availableParallelism());
}

export function isSaturated(limit = turnCapacity()): boolean {
  return activeAnswers() >= limit;
}

/** Throws the 503 when a new answer would go past the cap. */
export function assertCapacity(limit = turnCapacity()): void {
  if (isSaturated(limit)) throw new AppError("unavailable", BUSY_INSTANCE, { headers: { "Retry-After": "2" } });
}
