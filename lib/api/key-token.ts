// The shape of a personal API key: "sb_" + an 8-character id + "_" + 43 characters of secret
// (32 random bytes, base64url). The id part is the key's `prefix`: it finds the row and is safe to
// show. Only the SHA-256 of the whole key is stored: the key carries 256 bits of randomness, so a
// slow password hash would add nothing (no dictionary to guess from) and would cost every request.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const PREFIX_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
const KEY_PATTERN = /^(sb_[A-Za-z0-9]{8})_[A-Za-z0-9_-]{43}$/;

export type NewKeyToken = { key: string; prefix: string; secretHash: string };

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export function generateApiKey(): NewKeyToken {
  const id = Array.from(randomBytes(8), (byte) => PREFIX_ALPHABET[byte % PREFIX_ALPHABET.length]).join("");
  const prefix = `sb_${id}`;
  const key = `${prefix}_${randomBytes(32).toString("base64url")}`;
  return { key, prefix, secretHash: hashApiKey(key) };
}

/** The prefix of a well-formed key, or null (a malformed key is refused without a database read). */
export function prefixOfApiKey(key: string): string | null {
  return KEY_PATTERN.exec(key)?.[1] ?? null;
}

/** Compares the key's hash with the stored one in constant time. */
export function apiKeyMatches(key: string, storedHash: string): boolean {
  const given = Buffer.from(hashApiKey(key), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** The key from an `Authorization: Bearer <key>` header (what OpenAI clients send), or null. */
export function bearerKey(header: string | null): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match?.[1] ?? null;
}
