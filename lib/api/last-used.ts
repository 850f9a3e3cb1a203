import "server-only";
// "Last used" of API keys without a write per request: uses are noted in memory and written in one
// statement at most every FLUSH_MS (and when the process is asked to stop). A crash loses at most
// that many seconds of "last used", never a use's usage figures (lib/api/usage.ts writes those).
import { writeLastUsed } from "@/lib/db/api-keys";

const FLUSH_MS = 10_000;

const state = globalThis as unknown as { switchboardKeyUses?: { pending: Map<string, Date>; timer: NodeJS.Timeout | null } };
const uses = (state.switchboardKeyUses ??= { pending: new Map(), timer: null });

export function noteKeyUse(keyId: string, at = new Date()): void {
  uses.pending.set(keyId, at);
  if (!uses.timer) {
    uses.timer = setTimeout(() => void flushKeyUses(), FLUSH_MS);
    uses.timer.unref();
  }
}

export async function flushKeyUses(): Promise<void> {
  if (uses.timer) clearTimeout(uses.timer);
  uses.timer = null;
  if (uses.pending.size === 0) return;
  const batch = uses.pending;
  uses.pending = new Map();
  try {
    await writeLastUsed(batch);
  } catch (error) {
    // Put them back (a newer use of the same key wins) and try again with the next flush.
    for (const [id, at] of batch) if (!uses.pending.has(id)) uses.pending.set(id, at);
    console.warn(`[switchboard] Could not record when API keys were last used: ${error instanceof Error ? error.message : String(error)}`);
    if (!uses.timer) {
      uses.timer = setTimeout(() => void flushKeyUses(), FLUSH_MS);
      uses.timer.unref();
    }
  }
}

/** Pending uses, for tests. */
export function pendingKeyUses(): number {
  return uses.pending.size;
}
