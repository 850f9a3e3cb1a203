// The title a conversation gets from its first message (the sidebar shows it until a rename).
export const DEFAULT_TITLE = "New chat";
const MAX_LENGTH = 60;

export function titleFromMessage(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  if (!line) return DEFAULT_TITLE;
  if (line.length <= MAX_LENGTH) return line;
  const cut = line.slice(0, MAX_LENGTH);
  const lastSpace = cut.lastIndexOf(" ");
  // Cut at a word boundary unless that would leave too little.
  return `${(lastSpace > MAX_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

const LABEL = /^(?:(?:conversation|chat)\s+)?(?:title|subject|topic)\s*[:：\-–—]\s*/i;
const QUOTES = /^["'“”‘’«»`]+|["'“”‘’«»`]+$/g;
const REFUSAL = /^(?:i'?m sorry|i am sorry|sorry\b|i can(?:no|')t\b|i cannot\b|as an ai\b|i'?m (?:not )?(?:un)?able\b|i am (?:not )?(?:un)?able\b)/i;

/**
 * A model's answer to "give this conversation a short title", made fit for the sidebar: reasoning
 * blocks, Markdown, a "Title:" label, quotes and a final full stop removed, one line, at most
 * 60 characters. Null when nothing usable is left (empty, no letters, a refusal): keep the
 * title from the first message then.
 */
export function cleanGeneratedTitle(raw: string): string | null {
  // Reasoning models may put their thinking in the text; an unfinished block means no answer.
  const withoutThinking = raw.replace(/<think>[\s\S]*?<\/think>/gi, "");
  if (/<think>/i.test(withoutThinking)) return null;
  const line = withoutThinking
    .split(/\r?\n/)
    .map((item) => item.trim())
    .find(Boolean);
  if (!line) return null;
  let title = line
    .replace(/^#{1,6}\s+/, "")
    .replace(/^(?:[-*•]|\d+[.)])\s+/, "")
    .replace(/\*\*|__|`/g, "")
    .trim();
  // Labels and quotes nest in either order ("Title: "X"" or ""Title: X""): strip until stable.
  for (let previous = ""; previous !== title; ) {
    previous = title;
    title = title.replace(LABEL, "").replace(QUOTES, "").replace(/[.,;:]+$/, "").trim();
  }
  title = title.replace(/\s+/g, " ");
  if (!/[\p{L}\p{N}]/u.test(title) || REFUSAL.test(title)) return null;
  return titleFromMessage(title);
}
