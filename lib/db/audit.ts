import "server-only";
// The admin audit log for endpoint, model, instance-setting, user-account and API-key changes: who, when, what. Callers pass
// details that never contain a secret value (only "set", "removed" or "unchanged" for keys and header
// values).
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Who made a change; id is null for changes made by Switchboard itself (e.g. seeding from the environment). */
export type Actor = { id: string | null; email: string };

export type AuditEntry = {
  action: string;
  targetType: "endpoint" | "model" | "settings" | "user" | "api_key";
  targetId?: string | null;
  summary: string;
  details?: Prisma.InputJsonObject;
};

type Tx = Pick<Prisma.TransactionClient, "auditLog">;

export async function recordAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actor.id,
      actorEmail: actor.email,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      summary: entry.summary,
      details: entry.details ?? {},
    },
  });
}

export async function listAudit(options: { cursor?: string; limit?: number } = {}) {
  const limit = options.limit ?? 50;
  const rows = await db.auditLog.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}),
  });
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  return { entries: page, nextCursor: hasMore ? (page.at(-1)?.id ?? null) : null };
}
