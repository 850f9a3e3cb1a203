// The rule that makes sign-out and disabling effective although sessions are JWTs: a token is only
// good while its user exists, is enabled, and still has the session version the token was issued with.
export type SessionClaims = { userId: string; sessionVersion: number };
export type SessionUserState = { id: string; sessionVersion: number; disabledAt: Date | null };

export type SessionVerdict = "valid" | "unknown_user" | "disabled" | "revoked";

export function checkSessionVersion(claims: SessionClaims, user: SessionUserState | null): SessionVerdict {
  if (!user || user.id !== claims.userId) return "unknown_user";
  if (user.disabledAt) return "disabled";
  if (user.sessionVersion !== claims.sessionVersion) return "revoked";
  return "valid";
}
