// Keeps an action's key or token out of what a tool returns and throws: an API that echoes the
// request or answers "invalid key X" must not hand the key to the model, the database or the browser.
// Pure, so the rules are tested without a network.

const REDACTED = "[redacted]";

/** Replaces each secret (4+ characters), as typed and URL-encoded, with "[redacted]". */
export function redactSecrets(text: string, secrets: readonly (string | null | undefined)[]): string {
  let redacted = text;
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    redacted = redacted.split(secret).join(REDACTED);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) redacted = redacted.split(encoded).join(REDACTED);
    // A JSON-escaped copy (a key with a quote or backslash in it, echoed inside a JSON string).
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (escaped !== secret) redacted = redacted.split(escaped).join(REDACTED);
  }
  return redacted;
}

/** The same through every string of a JSON-like value (keys included); other values are kept. */
export function redactValue(value: unknown, secrets: readonly (string | null | undefined)[]): unknown {
  if (!secrets.some((secret) => secret && secret.length >= 4)) return value;
  if (typeof value === "string") return redactSecrets(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [redactSecrets(key, secrets), redactValue(item, secrets)]));
  }
  return value;
}
