import "server-only";
// Personal API keys (lib/api/key-token.ts makes them). Every query names the user it is for, except
// the admin's, which are only called behind requireAdmin.
import { generateApiKey } from "@/lib/api/key-token";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CreateApiKeyInput } from "@/lib/schemas/api-keys";
import type { AdminApiKeyView, ApiKeyView, CreatedApiKey } from "@/lib/types/api-keys";

const NOT_FOUND = "That API key does not exist, or it was revoked already.";
const MAX_KEYS_PER_USER = 50;

const viewSelect = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true, revokedAt: true } as const;
type ViewRow = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date | null; revokedAt: Date | null };

function toView(row: ViewRow): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export async function createApiKey(userId: string, input: CreateApiKeyInput, now = new Date()): Promise<CreatedApiKey> {
  const active = await db.apiKey.count({ where: { userId, revokedAt: null } });
  if (active >= MAX_KEYS_PER_USER) throw new AppError("conflict", `You have ${MAX_KEYS_PER_USER} active keys, the most one person may have. Revoke one you no longer use first.`);
  const { key, prefix, secretHash } = generateApiKey();
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null;
  const row = await db.apiKey.create({ data: { userId, name: input.name, prefix, secretHash, expiresAt }, select: viewSelect });
  return { key, apiKey: toView(row) };
}

/** The user's keys, newest first, revoked ones included (they show as revoked). */
export async function listApiKeys(userId: string): Promise<ApiKeyView[]> {
  const rows = await db.apiKey.findMany({ where: { userId }, select: viewSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return rows.map(toView);
}

export async function revokeApiKey(userId: string, id: string): Promise<void> {
  const { count } = await db.apiKey.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) throw new AppError("not_found", NOT_FOUND);
}

/** Admins: everyone's keys (newest first), optionally of one user. */
export async function listAllApiKeys(options: { userId?: string; limit?: number } = {}): Promise<AdminApiKeyView[]> {
  const rows = await db.apiKey.findMany({
    where: options.userId ? { userId: options.userId } : {},
    select: { ...viewSelect, userId: true, user: { select: { email: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit ?? 500,
  });
  return rows.map((row) => ({ ...toView(row), userId: row.userId, userEmail: row.user.email }));
}

/**
 * Admins: revoke any key (lib/db/api-keys-admin.ts calls it with the audit entry, in one transaction).
 * The update comes first, so of two admins revoking at once only one succeeds (the other gets a 404).
 */
export async function revokeAnyApiKey(
  id: string,
  client: Pick<Prisma.TransactionClient, "apiKey"> = db,
): Promise<{ prefix: string; userId: string; userEmail: string; revokedAt: Date }> {
  const revokedAt = new Date();
  const { count } = await client.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt } });
  if (count === 0) throw new AppError("not_found", NOT_FOUND);
  const row = await client.apiKey.findUniqueOrThrow({ where: { id }, select: { prefix: true, user: { select: { id: true, email: true } } } });
  return { prefix: row.prefix, userId: row.user.id, userEmail: row.user.email, revokedAt };
}

/** Admins: allow or stop one user's API keys (their keys are kept). Pass `client` to run in a transaction. */
export async function setUserApiAccess(userId: string, apiAccess: boolean, client: Pick<Prisma.TransactionClient, "user"> = db): Promise<{ email: string }> {
  const { count } = await client.user.updateMany({ where: { id: userId }, data: { apiAccess } });
  if (count === 0) throw new AppError("not_found", "That user does not exist.");
  const user = await client.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  return user;
}

export type KeyForAuth = {
  id: string;
  secretHash: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
  user: { id: string; email: string; name: string | null; role: "admin" | "user"; disabledAt: Date | null; apiAccess: boolean };
};

/** One read per API request: the key and its user. */
export async function findKeyForAuth(prefix: string): Promise<KeyForAuth | null> {
  return db.apiKey.findUnique({
    where: { prefix },
    select: {
      id: true,
      secretHash: true,
      expiresAt: true,
      revokedAt: true,
      user: { select: { id: true, email: true, name: true, role: true, disabledAt: true, apiAccess: true } },
    },
  });
}

/** Writes the "last used" times gathered since the last flush, in one statement. */
export async function writeLastUsed(uses: ReadonlyMap<string, Date>): Promise<void> {
  if (uses.size === 0) return;
  const ids = [...uses.keys()];
  const times = ids.map((id) => uses.get(id)?.toISOString() ?? new Date().toISOString());
  await db.$executeRaw`
    UPDATE "ApiKey" k SET "lastUsedAt" = GREATEST(COALESCE(k."lastUsedAt", u.t), u.t)
    FROM (SELECT unnest(${ids}::uuid[]) AS id, (unnest(${times}::text[])::timestamptz AT TIME ZONE 'UTC') AS t) u
    WHERE k.id = u.id`;
}
