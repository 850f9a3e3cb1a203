import "server-only";
// Stop across instances: every process listens for stop requests (PostgreSQL NOTIFY) and aborts the
// turn if it runs it here; a Stop that reached another instance is forwarded this way.
import { stopTurn } from "@/lib/chat/running-turns";
import { listenForStops, publishStop } from "@/lib/db/stop-signals";
import { db } from "@/lib/db/client";
import { getConversation } from "@/lib/db/conversations";

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
 * Stops a conversation's running turn wherever it runs. Returns whether a turn was stopped: true
 * once its partial answer was saved as stopped (waits up to `waitMs`), false when nothing was
 * running, when the answer ended otherwise meanwhile, or when no instance stopped it in time (its
 * instance is gone: the sweep marks it interrupted). Another user's conversation is a 404.
 */
export async function stopConversationTurn(conversationId: string, userId: string, waitMs = 5000): Promise<boolean> {
  // A turn running here is stopped without the database (it may be away); the user is checked in memory.
  if (await stopTurn(conversationId, userId, waitMs)) return true;
  await getConversation(userId, conversationId); // another user's conversation is a 404
  const running = await db.message.findFirst({ where: { conversationId, status: "streaming", conversation: { userId } }, select: { id: true } });
  if (!running) return false;
  await publishStop({ conversationId, userId });
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await db.message.findUnique({ where: { id: running.id }, select: { status: true } });
    if (now?.status !== "streaming") return now?.status === "stopped";
  }
  return false;
}
