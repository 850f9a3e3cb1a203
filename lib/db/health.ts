import "server-only";
import { db } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** Asks the database a trivial question with a deadline; the reason is safe to show (no URL, no password). */
export async function checkDatabase(client: Pick<PrismaClient, "$queryRaw"> = db, timeoutMs = 2000): Promise<{ ok: true } | { ok: false; reason: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true };
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0]?.replace(/postgres(ql)?:\/\/\S+/gi, "[database url]") : "";
    return { ok: false, reason: `The database is not answering${detail ? `: ${detail}` : ""}.` };
  } finally {
    clearTimeout(timer);
  }
}
