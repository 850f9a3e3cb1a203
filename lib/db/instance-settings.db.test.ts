// Database test (npm test provides TEST_DATABASE_URL): the admin's private-host allow-list is stored
// normalised, in the key the chat reads, and every change is in the audit log.
import { afterAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/lib/testing/test-database";

connectTestDatabase();

const actor = { id: null, email: "settings-test@example.test" };

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db.setting.deleteMany({ where: { key: "actionPrivateHosts" } });
  await db.auditLog.deleteMany({ where: { actorEmail: actor.email } });
  await db.$disconnect();
});

describe("updateAdminSettings", () => {
  it("stores the allow-list normalised under actionPrivateHosts and audits each change once", async () => {
    const { db } = await import("@/lib/db/client");
    const { getSetting } = await import("@/lib/db/settings");
    const { updateAdminSettings } = await import("@/lib/db/instance-settings");
    await db.setting.deleteMany({ where: { key: "actionPrivateHosts" } });

    const saved = await updateAdminSettings(actor, { actionPrivateHosts: [" Wiki.Internal:8080 ", "", "127.1:9000", "wiki.internal:8080"] });
    expect(saved.actionPrivateHosts).toEqual(["wiki.internal:8080", "127.0.0.1:9000"]);
    expect(await getSetting("actionPrivateHosts")).toEqual(["wiki.internal:8080", "127.0.0.1:9000"]);
    const entries = await db.auditLog.findMany({ where: { actorEmail: actor.email, action: "settings.private_hosts" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]?.summary).toBe("Changed the private hosts actions may reach to: wiki.internal:8080, 127.0.0.1:9000 (was: none)");

    // The same list again: nothing to record.
    await updateAdminSettings(actor, { actionPrivateHosts: ["wiki.internal:8080", "127.0.0.1:9000"] });
    expect(await db.auditLog.count({ where: { actorEmail: actor.email, action: "settings.private_hosts" } })).toBe(1);

    // A bad entry changes nothing and says which one.
    await expect(updateAdminSettings(actor, { actionPrivateHosts: ["169.254.169.254"] })).rejects.toMatchObject({
      code: "validation",
      fields: { actionPrivateHosts: expect.stringMatching(/^“169.254.169.254” can never be allowed: link-local addresses/) },
    });
    expect(await getSetting("actionPrivateHosts")).toEqual(["wiki.internal:8080", "127.0.0.1:9000"]);
  });
});
