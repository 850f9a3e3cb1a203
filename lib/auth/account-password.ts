import "server-only";
// Password changes that end sessions: the user's own change (current password required) and the
// completion of an admin-issued reset link. Either way every other session ends (session version bump)
// and this browser gets a fresh session cookie.
import { verifyPassword, hashPassword } from "@/lib/auth/password";
import { issueSessionCookie } from "@/lib/auth/session-cookie";
import type { CurrentUser } from "@/lib/auth/session";
import { recordSignInFailure, retryMessage, signInBlockedFor } from "@/lib/auth/throttle";
import { acceptInvite, completePasswordReset } from "@/lib/db/account-links";
import { findPasswordHash, setPasswordAndRevokeSessions } from "@/lib/db/users";
import { AppError } from "@/lib/errors";

const WRONG_CURRENT = "Your current password is not right.";

/** Guessing the current password through this form counts against the same limits as sign-in. */
export async function changeOwnPassword(user: CurrentUser, input: { currentPassword: string; newPassword: string }, ip: string | null): Promise<void> {
  const wait = await signInBlockedFor(user.email, ip);
  if (wait !== null) {
    throw new AppError("rate_limited", `Too many wrong passwords. ${retryMessage(wait)}`, { headers: { "Retry-After": String(wait) } });
  }
  if (!(await verifyPassword(await findPasswordHash(user.id), input.currentPassword))) {
    await recordSignInFailure(user.email, ip);
    throw new AppError("validation", WRONG_CURRENT, { fields: { currentPassword: WRONG_CURRENT } });
  }
  const sessionVersion = await setPasswordAndRevokeSessions(user.id, await hashPassword(input.newPassword));
  await issueSessionCookie({ ...user, sessionVersion });
}

export async function resetPasswordWithLink(input: { token: string; password: string }): Promise<void> {
  const user = await completePasswordReset(input.token, await hashPassword(input.password));
  if (user.disabledAt) return;
  await issueSessionCookie(user);
}

export async function acceptInviteLink(input: { token: string; name: string; password: string }): Promise<void> {
  const user = await acceptInvite(input.token, { name: input.name, passwordHash: await hashPassword(input.password) });
  await issueSessionCookie(user);
}
