// Database test (npm test provides TEST_DATABASE_URL): a key works only while it is neither revoked
// nor expired, its user is enabled and allowed the API, and the API is on; last use is batched and
// usage adds up per key and day.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/lib/testing/test-database";

connectTestDatabase();

const email = `api-auth-${Date.now()}@example.test`;
let userId = "";

beforeAll(async () => {
  const { db } = await import("@/lib/db/client");
  userId = (await db.user.create({ data: { email, passwordHash: "x" } })).id;
});

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db.user.deleteMany({ where: { email } });
  await db.setting.deleteMany({ where: { key: "apiEnabled" } });
  await db.$disconnect();
});

describe("authenticateApiKey", () => {
  it("accepts a fresh key as its user and refuses it once revoked", async () => {
    const { createApiKey, revokeApiKey, listApiKeys } = await import("@/lib/db/api-keys");
    const { authenticateApiKey } = await import("@/lib/api/authenticate");
    const { key, apiKey } = await createApiKey(userId, { name: "script", expiresInDays: null });
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    // Lists never carry the key or its hash.
    expect(JSON.stringify(await listApiKeys(userId))).not.toContain(key.slice(apiKey.prefix.length + 1));

    const caller = await authenticateApiKey(`Bearer ${key}`);
    expect(caller).toMatchObject({ keyId: apiKey.id, user: { id: userId, email } });
    await revokeApiKey(userId, apiKey.id);
    await expect(authenticateApiKey(`Bearer ${key}`)).rejects.toMatchObject({ code: "unauthorized" });
    await expect(revokeApiKey(userId, apiKey.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses an expired key, a disabled user's key, and says 403 when the API is off for the user or for everyone", async () => {
    const { db } = await import("@/lib/db/client");
    const { createApiKey } = await import("@/lib/db/api-keys");
    const { setSetting } = await import("@/lib/db/settings");
    const { authenticateApiKey } = await import("@/lib/api/authenticate");
    const { key } = await createApiKey(userId, { name: "expiring", expiresInDays: 1 });
    await expect(authenticateApiKey(`Bearer ${key}`, new Date(Date.now() + 2 * 86_400_000))).rejects.toMatchObject({ code: "unauthorized" });

    await db.user.update({ where: { id: userId }, data: { apiAccess: false } });
    await expect(authenticateApiKey(`Bearer ${key}`)).rejects.toMatchObject({ code: "forbidden", message: expect.stringMatching(/your account/) });
    await db.user.update({ where: { id: userId }, data: { apiAccess: true } });
    await setSetting("apiEnabled", false);
    await expect(authenticateApiKey(`Bearer ${key}`)).rejects.toMatchObject({ code: "forbidden", message: expect.stringMatching(/turned off on this Switchboard/) });
    await setSetting("apiEnabled", true);
    await db.user.update({ where: { id: userId }, data: { disabledAt: new Date() } });
    await expect(authenticateApiKey(`Bearer ${key}`)).rejects.toMatchObject({ code: "unauthorized" });
    await db.user.update({ where: { id: userId }, data: { disabledAt: null } });
    await expect(authenticateApiKey("Basic abc")).rejects.toMatchObject({ code: "unauthorized", message: expect.stringMatching(/Authorization: Bearer/) });
  });

  it("writes last use in one batch and adds usage up per key and day", async () => {
    const { db } = await import("@/lib/db/client");
    const { createApiKey } = await import("@/lib/db/api-keys");
    const { authenticateApiKey } = await import("@/lib/api/authenticate");
    const { flushKeyUses, pendingKeyUses } = await import("@/lib/api/last-used");
    const { recordApiUsage, usageOfKeys } = await import("@/lib/api/usage");
    const { key, apiKey } = await createApiKey(userId, { name: "busy", expiresInDays: null });
    for (let i = 0; i < 5; i += 1) await authenticateApiKey(`Bearer ${key}`);
    expect(pendingKeyUses()).toBeGreaterThan(0);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt).toBeNull();
    await flushKeyUses();
    expect(pendingKeyUses()).toBe(0);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt).toBeInstanceOf(Date);

    await recordApiUsage({ keyId: apiKey.id, inputTokens: 10, outputTokens: 5, failed: false });
    await recordApiUsage({ keyId: apiKey.id, inputTokens: 3, outputTokens: null, failed: true });
    expect((await usageOfKeys([apiKey.id])).get(apiKey.id)).toEqual({ requests: 2, inputTokens: 13, outputTokens: 5, errors: 1 });
  });
});
