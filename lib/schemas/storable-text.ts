// Text PostgreSQL cannot store: a NUL character (refused by its text type) or a lone UTF-16 surrogate
// (not valid Unicode, so not valid UTF-8). Refused at the boundary with a sentence instead of a 500.
export const NUL_MESSAGE = "The text contains a NUL character, which cannot be stored. Remove it and try again.";
export const SURROGATE_MESSAGE = "The text contains a broken character (a lone UTF-16 surrogate), which cannot be stored. Remove it and try again.";

/** The sentence saying why `text` cannot be stored, or null when it can. */
export function unstorableTextReason(text: string): string | null {
  if (text.includes("\u0000")) return NUL_MESSAGE;
  if (!text.isWellFormed()) return SURROGATE_MESSAGE;
  return null;
}

/** For zod: `z.string().refine(isStorableText, STORABLE_TEXT_ERROR)` on query parameters. */
export const isStorableText = (text: string): boolean => unstorableTextReason(text) === null;
export const STORABLE_TEXT_ERROR = "The text contains a NUL character or a broken character, which cannot be stored.";

/** For a search box read from a page's URL: drops what cannot be searched for rather than failing the page. */
export function cleanSearchText(text: string): string {
  return text.replaceAll("\u0000", "").toWellFormed();
}
