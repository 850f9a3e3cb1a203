// Models write LaTeX math as `\(…\)` and `\[…\]` as often as with dollars, but remark-math only reads
// dollars (and Markdown would eat the backslashes as escapes). This rewrites the backslash forms into
// `$$…$$` (inline) and a `$$` block (display) outside code, and says which heavy renderers a text needs.

/** Fenced code blocks and inline code spans: kept as they are. */
const CODE = /(^|\n)( {0,3})(`{3,}|~{3,})[^\n]*(?:\n[\s\S]*?(?:\n {0,3}\3[`~]*[ \t]*(?=\n|$))|[\s\S]*$)|(`+)[\s\S]*?[^`]\4(?!`)/g;

const DISPLAY = /(?<!\\)\\\[([\s\S]+?)(?<!\\)\\\]/g;
const INLINE = /(?<!\\)\\\(([^\n]+?)(?<!\\)\\\)/g;

function rewriteProse(prose: string): string {
  return prose
    .replace(DISPLAY, (_match, body: string) => `\n$$\n${body.trim()}\n$$\n`)
    .replace(INLINE, (_match, body: string) => `$$${body.trim()}$$`);
}

/** `\(x\)` becomes `$$x$$` and `\[x\]` a `$$` block; code blocks and code spans are left alone. */
export function normalizeMathDelimiters(text: string): string {
  if (!text.includes("\\(") && !text.includes("\\[")) return text;
  let out = "";
  let last = 0;
  for (const match of text.matchAll(CODE)) {
    out += rewriteProse(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + rewriteProse(text.slice(last));
}

/** Which lazily loaded renderers a (normalized) Markdown text needs. */
export function markdownNeeds(text: string): { code: boolean; math: boolean } {
  return {
    code: /(^|\n) {0,3}(`{3,}|~{3,})/.test(text),
    math: text.includes("$$"),
  };
}
