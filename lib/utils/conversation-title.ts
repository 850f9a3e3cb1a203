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
