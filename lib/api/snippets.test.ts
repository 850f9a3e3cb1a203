import { describe, expect, it } from "vitest";
import { apiBaseUrl, chatSnippets, listModelsCurl } from "@/lib/api/snippets";

const baseUrl = "https://chat.example.com/api/v1";
const model = "assistant:support-bot-x1y2z3";

describe("apiBaseUrl", () => {
  it("adds /api/v1 to the app URL, with or without a trailing slash", () => {
    expect(apiBaseUrl("https://chat.example.com")).toBe(baseUrl);
    expect(apiBaseUrl("https://chat.example.com/")).toBe(baseUrl);
    expect(apiBaseUrl("http://127.0.0.1:3000/switchboard")).toBe("http://127.0.0.1:3000/switchboard/api/v1");
  });
});

describe("chatSnippets", () => {
  const snippets = chatSnippets({ baseUrl, model });

  it("calls chat completions with the model and the key from $SWITCHBOARD_API_KEY in curl", () => {
    expect(snippets.curl).toContain(`curl 'https://chat.example.com/api/v1/chat/completions'`);
    expect(snippets.curl).toContain(`-H "Authorization: Bearer $SWITCHBOARD_API_KEY"`);
    // The body is the JSON an OpenAI client would send.
    const body = /-d '([\s\S]*)'$/.exec(snippets.curl)?.[1] ?? "";
    expect(JSON.parse(body)).toEqual({ model, messages: [{ role: "user", content: "Hello!" }] });
  });

  it("uses the openai package's client in Python and TypeScript with the base URL filled in", () => {
    expect(snippets.python).toContain(`from openai import OpenAI`);
    expect(snippets.python).toContain(`OpenAI(base_url="${baseUrl}", api_key=os.environ["SWITCHBOARD_API_KEY"])`);
    expect(snippets.python).toContain(`client.chat.completions.create(\n    model="${model}",\n    messages=[{"role": "user", "content": "Hello!"}],`);
    expect(snippets.typescript).toContain(`import OpenAI from "openai";`);
    expect(snippets.typescript).toContain(`new OpenAI({ baseURL: "${baseUrl}", apiKey: process.env.SWITCHBOARD_API_KEY })`);
    expect(snippets.typescript).toContain(`model: "${model}",`);
  });

  it("never breaks out of its quotes, whatever the text", () => {
    const odd = chatSnippets({ baseUrl: "https://x.example/it's", model: `a"b'c` });
    expect(odd.curl).toContain(`curl 'https://x.example/it'\\''s/chat/completions'`);
    expect(odd.python).toContain(`model="a\\"b'c",`);
    expect(odd.typescript).toContain(`model: "a\\"b'c",`);
  });
});

describe("listModelsCurl", () => {
  it("lists the models the key may use", () => {
    expect(listModelsCurl(baseUrl)).toBe(`curl 'https://chat.example.com/api/v1/models' \\\n  -H "Authorization: Bearer $SWITCHBOARD_API_KEY"`);
  });
});
