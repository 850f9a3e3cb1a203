// Database test (TEST_DATABASE_URL): one-time account links work once, expire, are stored hashed, and
// what admins do to accounts lands in the audit log with who did it.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/lib/testing/test-database";

connectTestDatabase();

const actorEmail = `links-admin-${randomUUID()}@example.test`;
const email = (prefix: string) => `${prefix}-${randomUUID()}@example.test`;

async function actor() {
  const { db } = await import("@/lib/db/client");
  const existing = await db.user.findUnique({ where: { email: actorEmail }, select: { id: true, email: true } });
  return existing ?? db.user.create({ data: { email: actorEmail, passwordHash: "x", role: "admin" }, select: { id: true, email: true } });
}

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db.auditLog.deleteMany({ where: { actorEmail } });
  await db.$disconnect();
});

describe("account links", () => {
  it("an invite creates the account once, with the invited role; only the token's hash is stored", async () => {
    const { db } = await import("@/lib/db/client");
    const { acceptInvite, createInvite } = await import("@/lib/db/account-links");
    const { hashLinkToken } = await import("@/lib/auth/link-token");
    const admin = await actor();
    const invited = email("invited");
    const { token } = await createInvite(admin, { email: invited, role: "admin" });
    const stored = await db.accountLink.findFirstOrThrow({ where: { email: invited } });
    expect(stored.tokenHash).toBe(hashLinkToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    const results = await Promise.allSettled([acceptInvite(token, { name: "A", passwordHash: "h" }), acceptInvite(token, { name: "B", passwordHash: "h" })]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected");
    expect(refused?.status === "rejected" && (refused.reason as Error).message).toBe("This invite link has expired or was already used. Ask an admin for a new one.");
    expect(await db.user.findUniqueOrThrow({ where: { email: invited }, select: { role: true } })).toEqual({ role: "admin" });

    const audit = await db.auditLog.findFirstOrThrow({ where: { actorEmail, action: "user.invite" }, orderBy: { createdAt: "desc" } });
    expect(audit.summary).toBe(`Invited ${invited} as an admin (link valid until ${stored.expiresAt.toISOString()})`);
  });

  it("an expired reset link is refused; a used one ends the user's sessions", async () => {
    const { db } = await import("@/lib/db/client");
    const { completePasswordReset, createPasswordReset } = await import("@/lib/db/account-links");
    const admin = await actor();
    const user = await db.user.create({ data: { email: email("reset"), passwordHash: "old" }, select: { id: true, sessionVersion: true } });

    const stale = await createPasswordReset(admin, user.id);
    await db.accountLink.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(completePasswordReset(stale.token, "new")).rejects.toThrow("This password reset link has expired or was already used.");

    const fresh = await createPasswordReset(admin, user.id);
    const updated = await completePasswordReset(fresh.token, "new");
    expect(updated.sessionVersion).toBe(user.sessionVersion + 1);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe("new");
    expect(await db.auditLog.count({ where: { actorEmail, action: "user.password_reset", targetId: user.id } })).toBe(2);
  });
});

describe("updateUserByAdmin", () => {
  it("audits a role change and a disable with who made them, and nothing for a no-op", async () => {
    const { db } = await import("@/lib/db/client");
    const { updateUserByAdmin } = await import("@/lib/db/users");
    const admin = await actor();
    const target = await db.user.create({ data: { email: email("target"), passwordHash: "x" }, select: { id: true, email: true } });
    await updateUserByAdmin(admin, target.id, { role: "admin" });
    await updateUserByAdmin(admin, target.id, { role: "admin" });
    await updateUserByAdmin(admin, target.id, { disabled: true });
    await updateUserByAdmin(admin, target.id, { disabled: false });
    const entries = await db.auditLog.findMany({ where: { targetId: target.id }, orderBy: { createdAt: "asc" } });
    expect(entries.map((entry) => [entry.action, entry.actorEmail, entry.summary])).toEqual([
      ["user.role", actorEmail, `Changed the role of ${target.email} from user to admin`],
      ["user.disable", actorEmail, `Disabled ${target.email}`],
      ["user.enable", actorEmail, `Enabled ${target.email}`],
    ]);
  });
});
