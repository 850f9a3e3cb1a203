// The stable name an assistant has in the API ("assistant:<slug>"): made once from its first name
// plus random characters (so two assistants of the same name differ), and never changed by a rename.
// The migration that added slugs made them the same way for existing assistants.
import { randomBytes } from "node:crypto";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** "Support Bot!" -> "support-bot"; empty for a name with no letters or digits. */
export function slugBase(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 40)
    .replace(/^-+|-+$/g, "");
}

export function makeSlug(name: string): string {
  const bytes = randomBytes(6);
  const suffix = Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join("");
  return `${slugBase(name) || "assistant"}-${suffix}`;
}

/** The model id an API client uses for an assistant. */
export const assistantModelId = (slug: string): string => `assistant:${slug}`;
