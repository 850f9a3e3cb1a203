import "server-only";
// Stop across instances: every process listens for stop requests (PostgreSQL NOTIFY) and aborts the
// turn if it runs it here; a Stop that reached another instance is forwarded this way.
import { stopTurn } from "@/lib/chat/running-turns";
import { listenForStops, publishStop } from "@/lib/db/stop-signals";
import { db } from "@/lib/db/client";

const globalForStop = globalThis as unknown as { switchboardStopListener?: Promise<unknown> };

/** Subscribes this process to stop requests (once). Never throws: a failure is logged and retried later. */
export function ensureStopListener(): Promise<unknown> {
  globalForStop.switchboardStopListener ??= listenForStops((signal) => {
    void stopTurn(signal.conversationId, signal.userId, 0);
  }).catch((error: unknown) => {
    globalForStop.switchboardStopListener = undefined;
    console.error("[switchboard] Could not listen for stop requests:", error instanceof Error ? error.message : error);
  });
  return globalForStop.switchboardStopListener;
}

/**
 * Stops a conversation's running turn wherever it runs. Returns whether a turn was stopped, after
 * its partial answer was saved (waits up to `waitMs`).
 */
export async function stopConversationTurn(conversationId: string, userId: string, waitMs = 5000): Promise<boolean> {
  if (await stopTurn(conversationId, userId, waitMs)) return true;
  const running = await db.message.findFirst({ where: { conversationId, status: "streaming", conversation: { userId } }, select: { id: true } });
  if (!running) return false;
  await publishStop({ conversationId, userId });
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const still = await db.message.findUnique({ where: { id: running.id }, select: { status: true } });
    if (still?.status !== "streaming") return true;
  }
  return true;
}
