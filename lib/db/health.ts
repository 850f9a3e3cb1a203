import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";

type RawClient = Pick<PrismaClient, "$queryRaw">;

/** The first line of a database error, with any connection URL (and so its password) blanked out. */
function safeDetail(error: unknown): string {
  return error instanceof Error ? (error.message.split("\n")[0]?.replace(/postgres(ql)?:\/\/\S+/gi, "[database url]") ?? "") : "";
}

function withDeadline<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** Asks the database a trivial question with a deadline; the reason is safe to show (no URL, no password). */
export async function checkDatabase(client: RawClient = db, timeoutMs = 2000): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    await withDeadline(client.$queryRaw`SELECT 1`, timeoutMs);
    return { ok: true };
  } catch (error) {
    const detail = safeDetail(error);
    return { ok: false, reason: `The database is not answering${detail ? `: ${detail}` : ""}.` };
  }
}

/** Rows of the applied-migrations statement below (lib/health/readiness.db.test.ts runs it against real databases). */
export const appliedMigrationRowSchema = z.object({ migration_name: z.string() });

/**
 * The migrations `_prisma_migrations` records as applied (finished, not rolled back), or null when the
 * table does not exist yet (a database nothing has migrated): to_regclass asks first, so a fresh
 * database is an answer, not an error to recognise by its code.
 */
export async function listAppliedMigrations(
  client: RawClient = db,
  timeoutMs = 2000,
): Promise<{ ok: true; names: string[] | null } | { ok: false; reason: string }> {
  // One deadline for both statements, so a probe's answer never takes longer than timeoutMs.
  const read = async (): Promise<string[] | null> => {
    const present = await client.$queryRaw<unknown[]>`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS "present"`;
    if (!(z.array(z.object({ present: z.boolean() })).parse(present)[0]?.present ?? false)) return null;
    const rows = await client.$queryRaw<unknown[]>`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    return z.array(appliedMigrationRowSchema).parse(rows).map((row) => row.migration_name);
  };
  try {
    return { ok: true, names: await withDeadline(read(), timeoutMs) };
  } catch (error) {
    const detail = safeDetail(error);
    return { ok: false, reason: `The database is not answering${detail ? `: ${detail}` : ""}.` };
  }
}
