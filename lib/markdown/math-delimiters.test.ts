import { describe, expect, it } from "vitest";
import { markdownNeeds, normalizeMathDelimiters } from "./math-delimiters";

describe("normalizeMathDelimiters", () => {
  it("turns \\( \\) into inline $$ math", () => {
    expect(normalizeMathDelimiters("So \\(a^2 + b^2 = c^2\\) holds.")).toBe("So $$a^2 + b^2 = c^2$$ holds.");
  });

  it("turns \\[ \\] into a display block, across lines", () => {
    expect(normalizeMathDelimiters("Then\n\\[\n\\int_0^1 x\\,dx\n\\]\ndone")).toBe("Then\n\n$$\n\\int_0^1 x\\,dx\n$$\n\ndone");
  });

  it("leaves fenced code and code spans alone", () => {
    const fenced = "```latex\n\\(x\\)\n```\nand \\(y\\)";
    expect(normalizeMathDelimiters(fenced)).toBe("```latex\n\\(x\\)\n```\nand $$y$$");
    expect(normalizeMathDelimiters("write `\\(x\\)` for \\(x\\)")).toBe("write `\\(x\\)` for $$x$$");
  });

  it("leaves an unclosed delimiter (still streaming) and escaped backslashes alone", () => {
    expect(normalizeMathDelimiters("So \\(a^2 + b")).toBe("So \\(a^2 + b");
    expect(normalizeMathDelimiters("a \\\\(not math\\\\) b")).toBe("a \\\\(not math\\\\) b");
  });

  it("does not change text without backslash delimiters", () => {
    const text = "Costs $5 and $6, see [link](https://example.com/a(b)).";
    expect(normalizeMathDelimiters(text)).toBe(text);
  });
});

describe("markdownNeeds", () => {
  it("asks for the highlighter only for fenced code and KaTeX only for math", () => {
    expect(markdownNeeds("plain **bold** `code` and $5")).toEqual({ code: false, math: false });
    expect(markdownNeeds("x\n```ts\nconst a = 1;\n```")).toEqual({ code: true, math: false });
    expect(markdownNeeds("~~~\nraw\n~~~")).toEqual({ code: true, math: false });
    expect(markdownNeeds(normalizeMathDelimiters("so \\(x\\)"))).toEqual({ code: false, math: true });
    expect(markdownNeeds("$$\nE = mc^2\n$$")).toEqual({ code: false, math: true });
  });
});
