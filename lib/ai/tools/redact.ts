// Keeps an action's key or token out of what a tool returns and throws: an API that echoes the
// request or answers "invalid key X" must not hand the key to the model, the database or the browser.
// An echo may carry the key in any spelling a URL or a JSON string allows, character by character:
// as typed, percent-encoded (either hex case, unreserved characters too, once or twice), "+" for a
// space (form encoding), or JSON-escaped. Each secret becomes one pattern that accepts every such
// spelling of each of its characters. Pure, so the rules are tested without a network.

const REDACTED = "[redacted]";
const MIN_SECRET_CHARS = 4;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");

/** Two hex digits matching either case, e.g. 0x7e -> "7[eE]". */
function hexPattern(value: number, digits: number): string {
  return [...value.toString(16).padStart(digits, "0")].map((digit) => (/[a-f]/.test(digit) ? `[${digit}${digit.toUpperCase()}]` : digit)).join("");
}

// JSON's short escapes (JSON.stringify writes these; "\/" is allowed when reading).
const JSON_SHORT: Record<string, string> = { '"': '\\\\"', "\\": "\\\\\\\\", "/": "\\\\/", "\b": "\\\\b", "\f": "\\\\f", "\n": "\\\\n", "\r": "\\\\r", "\t": "\\\\t" };

/** Every spelling of one character (one code point) a URL or a JSON string may carry. */
function characterPattern(char: string): string {
  const spellings = [escapeRegExp(char)];
  // Percent-encoding of each UTF-8 byte; "%25" is a percent sign itself encoded (double encoding).
  const bytes = [...new TextEncoder().encode(char)];
  spellings.push(bytes.map((byte) => `%(?:25)?${hexPattern(byte, 2)}`).join(""));
  if (char === " ") spellings.push("\\+");
  // JSON \uXXXX escapes (a surrogate pair for characters outside the BMP), and the short ones.
  const units = Array.from({ length: char.length }, (_, i) => char.charCodeAt(i));
  spellings.push(units.map((unit) => `\\\\u${hexPattern(unit, 4)}`).join(""));
  const short = JSON_SHORT[char];
  if (short) spellings.push(short);
  return `(?:${spellings.join("|")})`;
}

const patterns = new Map<string, RegExp>();

/** The pattern for one secret (cached: the same keys are redacted on every call of a tool). */
function secretPattern(secret: string): RegExp {
  let pattern = patterns.get(secret);
  if (!pattern) {
    pattern = new RegExp([...secret].map(characterPattern).join(""), "g");
    if (patterns.size >= 100) patterns.clear();
    patterns.set(secret, pattern);
  }
  return pattern;
}

/** Replaces each secret (4+ characters), in every spelling a URL or a JSON string allows, with "[redacted]". */
export function redactSecrets(text: string, secrets: readonly (string | null | undefined)[]): string {
  let redacted = text;
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET_CHARS) continue;
    redacted = redacted.replace(secretPattern(secret), REDACTED);
  }
  return redacted;
}

/** The same through every string of a JSON-like value (keys included); other values are kept. */
export function redactValue(value: unknown, secrets: readonly (string | null | undefined)[]): unknown {
  if (!secrets.some((secret) => secret && secret.length >= MIN_SECRET_CHARS)) return value;
  if (typeof value === "string") return redactSecrets(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [redactSecrets(key, secrets), redactValue(item, secrets)]));
  }
  return value;
}
