import "server-only";
import { metrics } from "@/lib/metrics/registry";
// Turns being answered in THIS process, by conversation, so Stop can abort the upstream request.
// Single-instance only: with several app instances, Stop must reach the instance running the turn
// (planned: PostgreSQL LISTEN/NOTIFY on a per-conversation channel).

type RunningTurn = { userId: string; controller: AbortController; done: Promise<void> };

const globalForTurns = globalThis as unknown as { switchboardRunningTurns?: Map<string, RunningTurn> };
const turns = (globalForTurns.switchboardRunningTurns ??= new Map<string, RunningTurn>());

/** How many turns this process is running (the active-streams gauge reads it at scrape time). */
export function runningTurnCount(): number {
  return turns.size;
}
metrics().runningChatTurns.read = runningTurnCount;

export type TurnHandle = { signal: AbortSignal; finish: () => void };

/**
 * Registers a turn, or returns null when the conversation already has one running. Call `finish`
 * once the turn has been saved (or has failed before it started).
 */
export function startTurn(conversationId: string, userId: string): TurnHandle | null {
  if (turns.has(conversationId)) return null;
  const controller = new AbortController();
  let finish = () => {};
  const done = new Promise<void>((resolve) => {
    finish = () => {
      if (turns.get(conversationId)?.controller === controller) turns.delete(conversationId);
      resolve();
    };
  });
  turns.set(conversationId, { userId, controller, done });
  return { signal: controller.signal, finish };
}

/**
 * Aborts the running turn of a conversation (if this user's) and waits, up to `waitMs`, for it to be
 * saved. Returns whether a turn was running.
 */
export async function stopTurn(conversationId: string, userId: string, waitMs = 5000): Promise<boolean> {
  const turn = turns.get(conversationId);
  if (!turn || turn.userId !== userId) return false;
  turn.controller.abort(new DOMException("Stopped by the user", "AbortError"));
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([turn.done, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
  clearTimeout(timer);
  return true;
}
