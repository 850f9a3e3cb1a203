import "server-only";
// Readiness (GET /api/health/ready): may this instance take traffic? Yes when the process is not
// shutting down, the database answers, and every migration this build ships is recorded as applied.
// A database migrated further than this build (a newer replica rolled out first) is still ready:
// migrations add before they remove. Liveness is separate and never touches the database, so a
// database outage takes instances out of the load balancer instead of getting them restarted.
import { listAppliedMigrations } from "@/lib/db/health";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { expectedMigrations } from "@/lib/health/migrations";
import { isShuttingDown } from "@/lib/health/shutdown";
import { isSaturated } from "@/lib/chat/capacity";

export type NotReadyReason = "shutting_down" | "saturated" | "database_unavailable" | "migrations_unknown" | "migrations_pending";

export type Readiness = { ready: true } | { ready: false; reason: NotReadyReason; message: string; pending?: string[] };

export type ReadinessOptions = {
  client?: Pick<PrismaClient, "$queryRaw">;
  migrationsDir?: string;
  timeoutMs?: number;
  shuttingDown?: () => boolean;
  /** Whether the instance is at its cap of running answers (lib/chat/capacity.ts). */
  saturated?: () => boolean;
};

/** How many pending names a 503 lists; the rest are counted. */
const LISTED = 5;

export async function checkReadiness(options: ReadinessOptions = {}): Promise<Readiness> {
  if ((options.shuttingDown ?? isShuttingDown)()) {
    return { ready: false, reason: "shutting_down", message: "This instance is shutting down." };
  }
  if ((options.saturated ?? isSaturated)()) {
    return { ready: false, reason: "saturated", message: "This instance is answering as many messages as it may at once; it takes new ones as these finish." };
  }
  let expected: string[];
  try {
    expected = await expectedMigrations(options.migrationsDir);
  } catch (error) {
    const detail = error instanceof Error && "code" in error ? ` (${String(error.code)})` : "";
    return { ready: false, reason: "migrations_unknown", message: `The migration directory of this build cannot be read${detail}.` };
  }
  const applied = await listAppliedMigrations(options.client, options.timeoutMs);
  if (!applied.ok) return { ready: false, reason: "database_unavailable", message: applied.reason };
  const done = new Set(applied.names ?? []);
  const pending = expected.filter((name) => !done.has(name));
  if (pending.length > 0) {
    const more = pending.length > LISTED ? ` and ${pending.length - LISTED} more` : "";
    return {
      ready: false,
      reason: "migrations_pending",
      message: `The database is missing ${pending.length} migration(s) of this build: ${pending.slice(0, LISTED).join(", ")}${more}.`,
      pending: pending.slice(0, LISTED),
    };
  }
  return { ready: true };
}
