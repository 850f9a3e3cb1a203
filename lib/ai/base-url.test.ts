import { describe, expect, it } from "vitest";
import { normaliseBaseUrl } from "@/lib/ai/base-url";

function ok(input: string) {
  const result = normaliseBaseUrl(input);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe("normaliseBaseUrl", () => {
  it("keeps a correct base URL as it is, without notes", () => {
    expect(ok("http://127.0.0.1:11434/v1")).toEqual({ ok: true, url: "http://127.0.0.1:11434/v1", notes: [] });
    expect(ok("https://integrate.api.nvidia.com/v1").url).toBe("https://integrate.api.nvidia.com/v1");
  });

  it("trims a pasted /chat/completions and explains it", () => {
    const result = ok("http://127.0.0.1:8000/v1/chat/completions");
    expect(result.url).toBe("http://127.0.0.1:8000/v1");
    expect(result.notes.join(" ")).toMatch(/Removed “\/chat\/completions”/);
  });

  it("trims trailing slashes and other endpoint paths", () => {
    expect(ok("http://h:1234/v1/").url).toBe("http://h:1234/v1");
    expect(ok("http://h:1234/v1/").notes).toContain("Removed the trailing slash.");
    expect(ok("http://h:1234/v1/models").url).toBe("http://h:1234/v1");
    expect(ok("http://h:1234/v1/responses/").url).toBe("http://h:1234/v1");
    expect(ok("http://h:1234/v1/chat/completions/").url).toBe("http://h:1234/v1");
  });

  it("adds /v1 when only a host is given, with or without a scheme", () => {
    expect(ok("http://localhost:11434").url).toBe("http://localhost:11434/v1");
    expect(ok("http://localhost:11434/").url).toBe("http://localhost:11434/v1");
    const bare = ok("localhost:8080");
    expect(bare.url).toBe("http://localhost:8080/v1");
    expect(bare.notes).toContain("Added http:// in front of the address.");
  });

  it("keeps a custom prefix that is not /v1", () => {
    expect(ok("https://gateway.example.com/openai/v1/chat/completions").url).toBe("https://gateway.example.com/openai/v1");
    expect(ok("https://proxy.example.com/api").url).toBe("https://proxy.example.com/api");
  });

  it("drops query strings with a note", () => {
    const result = ok("http://h/v1?x=1#y");
    expect(result.url).toBe("http://h/v1");
    expect(result.notes.join(" ")).toMatch(/query string/);
  });

  it("refuses what cannot be a base URL", () => {
    expect(normaliseBaseUrl("")).toEqual({ ok: false, error: expect.stringMatching(/Enter the server's base URL/) });
    expect(normaliseBaseUrl("ftp://h/v1")).toEqual({ ok: false, error: expect.stringMatching(/Only http/) });
    expect(normaliseBaseUrl("http://user:pw@h/v1")).toEqual({ ok: false, error: expect.stringMatching(/API key field/) });
    expect(normaliseBaseUrl("http://")).toEqual({ ok: false, error: expect.stringMatching(/not a valid URL/) });
  });
});
