import "server-only";
// One-time account links: admin invites (create an account) and admin-issued password resets. A link is
// claimed with a single conditional UPDATE (unused, not expired), so it works exactly once even when two
// requests race, and the claim and its effect commit together.
import { recordAudit, type Actor } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { createUser, publicUserSelect } from "@/lib/db/users";
import { AppError } from "@/lib/errors";
import type { AccountLinkKind, Role } from "@/lib/generated/prisma/client";
import { hashLinkToken, newLinkToken } from "@/lib/auth/link-token";

export const LINK_LIFETIME_MS: Record<AccountLinkKind, number> = {
  invite: 7 * 24 * 60 * 60 * 1000,
  password_reset: 24 * 60 * 60 * 1000,
};

const EXPIRED: Record<AccountLinkKind, string> = {
  invite: "This invite link has expired or was already used. Ask an admin for a new one.",
  password_reset: "This password reset link has expired or was already used. Ask an admin for a new one.",
};

export type IssuedLink = { token: string; expiresAt: Date };

export async function createInvite(actor: Actor & { id: string }, input: { email: string; role: Role }): Promise<IssuedLink> {
  const { token, tokenHash } = newLinkToken();
  const expiresAt = new Date(Date.now() + LINK_LIFETIME_MS.invite);
  await db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) throw new AppError("conflict", "A user with this email already exists.", { fields: { email: "A user with this email already exists." } });
    const link = await tx.accountLink.create({
      data: { kind: "invite", tokenHash, email: input.email, role: input.role, createdById: actor.id, expiresAt },
      select: { id: true },
    });
    await recordAudit(tx, actor, {
      action: "user.invite",
      targetType: "user",
      targetId: link.id,
      summary: `Invited ${input.email} as ${input.role === "admin" ? "an admin" : "a user"} (link valid until ${expiresAt.toISOString()})`,
      details: { email: input.email, role: input.role, expiresAt: expiresAt.toISOString() },
    });
  });
  return { token, expiresAt };
}

/** A new reset link for the user; any earlier unused reset link of theirs stops working. */
export async function createPasswordReset(actor: Actor & { id: string }, userId: string): Promise<IssuedLink> {
  const { token, tokenHash } = newLinkToken();
  const expiresAt = new Date(Date.now() + LINK_LIFETIME_MS.password_reset);
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
    if (!user) throw new AppError("not_found", "That user does not exist.");
    await tx.accountLink.updateMany({ where: { userId, kind: "password_reset", usedAt: null }, data: { usedAt: new Date() } });
    await tx.accountLink.create({ data: { kind: "password_reset", tokenHash, email: user.email, userId, createdById: actor.id, expiresAt } });
    await recordAudit(tx, actor, {
      action: "user.password_reset",
      targetType: "user",
      targetId: user.id,
      summary: `Issued a password reset link for ${user.email} (valid until ${expiresAt.toISOString()})`,
      details: { email: user.email, expiresAt: expiresAt.toISOString() },
    });
  });
  return { token, expiresAt };
}

/** What a link's page shows before it is used, or null when it is unknown, used or expired. */
export async function findUsableLink(token: string, kind: AccountLinkKind): Promise<{ email: string } | null> {
  return db.accountLink.findFirst({
    where: { tokenHash: hashLinkToken(token), kind, usedAt: null, expiresAt: { gt: new Date() } },
    select: { email: true },
  });
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

async function claim(tx: Tx, token: string, kind: AccountLinkKind) {
  const tokenHash = hashLinkToken(token);
  const claimed = await tx.accountLink.updateMany({
    where: { tokenHash, kind, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  if (claimed.count !== 1) throw new AppError("not_found", EXPIRED[kind]);
  const link = await tx.accountLink.findUnique({ where: { tokenHash }, select: { email: true, role: true, userId: true } });
  if (!link) throw new AppError("not_found", EXPIRED[kind]);
  return link;
}

/** Creates the invited account; the link is spent in the same transaction. */
export async function acceptInvite(token: string, input: { name: string; passwordHash: string }) {
  return db.$transaction(async (tx) => {
    const link = await claim(tx, token, "invite");
    const user = await createUser({ email: link.email, name: input.name, passwordHash: input.passwordHash, role: link.role }, tx);
    if (!user) throw new AppError("conflict", "An account with this email already exists. Sign in instead.");
    return user;
  });
}

/** Sets the new password and ends every session of the user; the link is spent in the same transaction. */
export async function completePasswordReset(token: string, passwordHash: string) {
  return db.$transaction(async (tx) => {
    const link = await claim(tx, token, "password_reset");
    if (!link.userId) throw new AppError("not_found", EXPIRED.password_reset);
    return tx.user.update({
      where: { id: link.userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { ...publicUserSelect, sessionVersion: true },
    });
  });
}
