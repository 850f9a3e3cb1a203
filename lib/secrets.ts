// Encryption at rest for values such as provider API keys: AES-256-GCM with the SECRETS_KEY.
// Format: "v1.<iv>.<tag>.<ciphertext>" (base64url parts), so the scheme can change later.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { getEnv } from "@/lib/env";

const VERSION = "v1";

function keyBytes(key?: string): Buffer {
  const bytes = Buffer.from(key ?? getEnv().SECRETS_KEY, "base64");
  if (bytes.length !== 32) throw new Error("The secrets key must be 32 bytes (base64-encoded).");
  return bytes;
}

export function encryptSecret(plaintext: string, key?: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyBytes(key), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(".");
}

export class SecretDecryptionError extends Error {
  override name = "SecretDecryptionError";
}

/** Decrypts a value from encryptSecret; throws SecretDecryptionError on a wrong key or tampering. */
export function decryptSecret(sealed: string, key?: string): string {
  const [version, iv, tag, ciphertext, ...rest] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined || rest.length > 0) {
    throw new SecretDecryptionError("Stored secret has an unknown format.");
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyBytes(key), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretDecryptionError(
      "Stored secret could not be decrypted: the secrets key changed or the value was tampered with.",
    );
  }
}

/** What a form may show of a secret: that it is set, and its last 4 characters. */
export function secretHint(plaintext: string): string {
  return plaintext.length <= 4 ? "••••" : `••••${plaintext.slice(-4)}`;
}
