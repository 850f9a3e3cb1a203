// Stored secrets follow their server: an endpoint's key and header values were entered for one
// origin (scheme, host, port), and a base URL moved to another origin must not carry them there,
// or the next request (Test connection, a chat turn) hands them to whoever runs the new server.
// Shared by the admin form (to say so before saving) and the server (to refuse), so no server-only.

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** True when both URLs parse and name different origins. */
export function originChanged(from: string, to: string): boolean {
  const before = originOf(from);
  const after = originOf(to);
  return before !== null && after !== null && before !== after;
}

export type SecretsOnMove = {
  /** A key is stored, and the change neither gives a new one nor removes it. */
  hasStoredKey: boolean;
  newKeyGiven: boolean;
  removeKey: boolean;
  /** Names of stored headers the change keeps without giving a new value. */
  headersKeptWithoutValue: string[];
};

/**
 * Why a base-URL change to another origin cannot be saved as it is, field by field; null when it
 * can (same origin, or every stored secret is entered again or removed).
 */
export function secretsToReenter(fromUrl: string, toUrl: string, secrets: SecretsOnMove): Record<string, string> | null {
  if (!originChanged(fromUrl, toUrl)) return null;
  const fields: Record<string, string> = {};
  if (secrets.hasStoredKey && !secrets.newKeyGiven && !secrets.removeKey) {
    fields.apiKey = "The server's address changed: enter the API key again, or remove it. A stored key is only sent to the server it was entered for.";
  }
  if (secrets.headersKeptWithoutValue.length > 0) {
    const names = secrets.headersKeptWithoutValue.map((name) => `“${name}”`).join(", ");
    fields.headers = `The server's address changed: enter the value of ${names} again, or remove the header.`;
  }
  return Object.keys(fields).length > 0 ? fields : null;
}
