import "server-only";
// Usage through the API, per key and UTC day: one upsert when a request ends (stored in a
// conversation or not). Failures to record are logged, never shown to the client.
import { db } from "@/lib/db/client";

export type ApiUse = { keyId: string; inputTokens: number | null | undefined; outputTokens: number | null | undefined; failed: boolean };

export async function recordApiUsage(use: ApiUse, now = new Date()): Promise<void> {
  const day = now.toISOString().slice(0, 10);
  const input = BigInt(Math.max(0, Math.round(use.inputTokens ?? 0)));
  const output = BigInt(Math.max(0, Math.round(use.outputTokens ?? 0)));
  const errors = use.failed ? 1 : 0;
  try {
    await db.$executeRaw`
      INSERT INTO "ApiUsage" ("keyId", day, requests, "inputTokens", "outputTokens", errors)
      VALUES (${use.keyId}::uuid, ${day}::date, 1, ${input}, ${output}, ${errors})
      ON CONFLICT ("keyId", day) DO UPDATE SET
        requests = "ApiUsage".requests + 1,
        "inputTokens" = "ApiUsage"."inputTokens" + EXCLUDED."inputTokens",
        "outputTokens" = "ApiUsage"."outputTokens" + EXCLUDED."outputTokens",
        errors = "ApiUsage".errors + EXCLUDED.errors`;
  } catch (error) {
    console.warn(`[switchboard] Could not record API usage: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export type KeyUsageTotals = { requests: number; inputTokens: number; outputTokens: number; errors: number };

/** A key's usage over the last `days` days (today included), for the account page and admins. */
export async function usageOfKeys(keyIds: string[], days = 30, now = new Date()): Promise<Map<string, KeyUsageTotals>> {
  if (keyIds.length === 0) return new Map();
  const since = new Date(now.getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  const rows = await db.apiUsage.groupBy({
    by: ["keyId"],
    where: { keyId: { in: keyIds }, day: { gte: new Date(`${since}T00:00:00Z`) } },
    _sum: { requests: true, inputTokens: true, outputTokens: true, errors: true },
  });
  return new Map(
    rows.map((row) => [
      row.keyId,
      {
        requests: row._sum.requests ?? 0,
        inputTokens: Number(row._sum.inputTokens ?? 0),
        outputTokens: Number(row._sum.outputTokens ?? 0),
        errors: row._sum.errors ?? 0,
      },
    ]),
  );
}
