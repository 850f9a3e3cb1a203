// Tokens for one-time account links. 32 random bytes: guessing is hopeless, so a fast hash (SHA-256)
// is enough to keep a stolen database copy from yielding working links.
import { createHash, randomBytes } from "node:crypto";

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashLinkToken(token) };
}

/** A token as it appears in a link: rejects anything that could not be one before touching the database. */
export const LINK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
