import "server-only";
// Password hashing with Argon2id (@node-rs/argon2: maintained, prebuilt binaries, no node-gyp).
import { hash, verify } from "@node-rs/argon2";

export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// A real hash of a random string: verifying against it when the email is unknown costs the same as a
// real check, so "no such account" and "wrong password" take about the same time.
let dummyHash: Promise<string> | undefined;

/** Verifies a password; with a null hash it still does the work and returns false. */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  dummyHash ??= hash(crypto.randomUUID());
  try {
    return await verify(passwordHash ?? (await dummyHash), password);
  } catch {
    return false;
  }
}
