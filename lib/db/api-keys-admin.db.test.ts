// Database test (npm test provides TEST_DATABASE_URL): the key changes around the account page and the
// admin pages. Each admin change is audit-logged with the write; a user's create is refused while the
// API is off for them; another user's key is a miss, never revoked.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/lib/testing/test-database";

connectTestDatabase();

const admin = { id: "", email: `keys-admin-${randomUUID()}@example.test` };
let userId = "";
let otherId = "";

beforeAll(async () => {
  const { db } = await import("@/lib/db/client");
  admin.id = (await db.user.create({ data: { email: admin.email, passwordHash: "x", role: "admin" } })).id;
  userId = (await db.user.create({ data: { email: `keys-user-${randomUUID()}@example.test`, passwordHash: "x" } })).id;
  otherId = (await db.user.create({ data: { email: `keys-other-${randomUUID()}@example.test`, passwordHash: "x" } })).id;
});

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  const { setSetting } = await import("@/lib/db/settings");
  await setSetting("apiEnabled", true);
  await db.user.deleteMany({ where: { id: { in: [admin.id, userId, otherId] } } });
  await db.$disconnect();
});

const auditOf = async (action: string, targetId: string) => {
  const { db } = await import("@/lib/db/client");
  return db.auditLog.findMany({ where: { action, targetId } });
};

describe("API keys on the account and admin pages", () => {
  it("lists the owner's keys with their usage, and another user's revoke is a 404 that changes nothing", async () => {
    const { createAccountApiKey, listAccountApiKeys } = await import("@/lib/api/account-keys");
    const { revokeApiKey } = await import("@/lib/db/api-keys");
    const { recordApiUsage } = await import("@/lib/api/usage");
    const created = await createAccountApiKey(userId, { name: "Script", expiresInDays: null });
    await recordApiUsage({ keyId: created.apiKey.id, inputTokens: 10, outputTokens: 5, failed: false });
    expect((await listAccountApiKeys(userId)).map((key) => [key.prefix, key.usage])).toEqual([[created.apiKey.prefix, { requests: 1, inputTokens: 10, outputTokens: 5 }]]);
    expect(JSON.stringify(await listAccountApiKeys(userId))).not.toContain(created.key);
    await expect(revokeApiKey(otherId, created.apiKey.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await listAccountApiKeys(userId))[0]?.revokedAt).toBeNull();
  });

  it("an admin's revoke is audit-logged once; a second revoke is a 404", async () => {
    const { createAccountApiKey, listAccountApiKeys } = await import("@/lib/api/account-keys");
    const { revokeApiKeyAsAdmin } = await import("@/lib/db/api-keys-admin");
    const { apiKey } = await createAccountApiKey(userId, { name: "CI", expiresInDays: 30 });
    const { revokedAt } = await revokeApiKeyAsAdmin(admin, apiKey.id);
    expect((await listAccountApiKeys(userId)).find((key) => key.id === apiKey.id)?.revokedAt).toBe(revokedAt);
    await expect(revokeApiKeyAsAdmin(admin, apiKey.id)).rejects.toMatchObject({ code: "not_found" });
    const entries = await auditOf("api_key.revoke", apiKey.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorEmail: admin.email, targetType: "api_key" });
    expect(entries[0]?.summary).toContain(apiKey.prefix);
  });

  it("the per-user and instance switches are audit-logged, and turned off they refuse a new key", async () => {
    const { apiAccessOf, createAccountApiKey } = await import("@/lib/api/account-keys");
    const { updateUserByAdmin } = await import("@/lib/db/users");
    const { updateAdminSettings } = await import("@/lib/db/instance-settings");

    expect((await updateUserByAdmin(admin, userId, { apiAccess: false })).apiAccess).toBe(false);
    expect(await apiAccessOf(userId)).toBe("user_off");
    await expect(createAccountApiKey(userId, { name: "No", expiresInDays: null })).rejects.toMatchObject({ code: "forbidden" });
    // Sending the same value again is not a change: no second entry.
    await updateUserByAdmin(admin, userId, { apiAccess: false });
    expect(await auditOf("user.api_off", userId)).toHaveLength(1);
    await updateUserByAdmin(admin, userId, { apiAccess: true });
    expect(await auditOf("user.api_on", userId)).toHaveLength(1);

    expect((await updateAdminSettings(admin, { apiEnabled: false })).apiEnabled).toBe(false);
    expect(await apiAccessOf(userId)).toBe("instance_off");
    await expect(createAccountApiKey(userId, { name: "No", expiresInDays: null })).rejects.toMatchObject({ code: "forbidden" });
    expect((await updateAdminSettings(admin, { apiEnabled: true })).apiEnabled).toBe(true);
    expect(await apiAccessOf(userId)).toBe("on");
    const { db } = await import("@/lib/db/client");
    const switches = await db.auditLog.findMany({ where: { action: "settings.api", actorEmail: admin.email }, orderBy: { createdAt: "asc" } });
    expect(switches.map((entry) => entry.details)).toEqual([{ apiEnabled: false }, { apiEnabled: true }]);
  });
});
