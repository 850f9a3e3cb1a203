import "server-only";
// An admin revoking someone's API key: the revocation and its audit entry in one transaction.
import { revokeAnyApiKey } from "@/lib/db/api-keys";
import { recordAudit, type Actor } from "@/lib/db/audit";
import { db } from "@/lib/db/client";

export async function revokeApiKeyAsAdmin(actor: Actor, id: string): Promise<{ revokedAt: string }> {
  return db.$transaction(async (tx) => {
    const key = await revokeAnyApiKey(id, tx);
    await recordAudit(tx, actor, {
      action: "api_key.revoke",
      targetType: "api_key",
      targetId: id,
      summary: `Revoked the API key ${key.prefix}… of ${key.userEmail}`,
      details: { prefix: key.prefix, userId: key.userId, email: key.userEmail },
    });
    return { revokedAt: key.revokedAt.toISOString() };
  });
}
