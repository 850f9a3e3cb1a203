// Copyable examples of calling Switchboard's OpenAI-compatible API (/api/v1): the base URL filled in,
// the key read from an environment variable the reader sets, so a snippet never holds a real key.
export const API_KEY_VARIABLE = "SWITCHBOARD_API_KEY";

/** The API's base URL for an app URL (lib/env.ts APP_URL): what OpenAI clients take as `base_url`. */
export function apiBaseUrl(appUrl: string): string {
  return `${appUrl.replace(/\/+$/, "")}/api/v1`;
}

/** Quotes text for a POSIX shell: inside single quotes nothing is special but the quote itself. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** A string literal for Python and TypeScript alike (JSON's escapes are valid in both). */
const literal = (text: string) => JSON.stringify(text);

export type ChatSnippets = { curl: string; python: string; typescript: string };

/** One chat completion with `model` (e.g. "assistant:support-bot-x1y2z3"), in curl, Python and TypeScript. */
export function chatSnippets({ baseUrl, model }: { baseUrl: string; model: string }): ChatSnippets {
  const body = JSON.stringify({ model, messages: [{ role: "user", content: "Hello!" }] }, null, 2);
  const curl = [
    `curl ${shellQuote(`${baseUrl}/chat/completions`)} \\`,
    `  -H "Authorization: Bearer $${API_KEY_VARIABLE}" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d ${shellQuote(body)}`,
  ].join("\n");
  const python = [
    "import os",
    "from openai import OpenAI",
    "",
    `client = OpenAI(base_url=${literal(baseUrl)}, api_key=os.environ[${literal(API_KEY_VARIABLE)}])`,
    "",
    "completion = client.chat.completions.create(",
    `    model=${literal(model)},`,
    `    messages=[{"role": "user", "content": "Hello!"}],`,
    ")",
    "print(completion.choices[0].message.content)",
  ].join("\n");
  const typescript = [
    `import OpenAI from "openai";`,
    "",
    `const client = new OpenAI({ baseURL: ${literal(baseUrl)}, apiKey: process.env.${API_KEY_VARIABLE} });`,
    "",
    "const completion = await client.chat.completions.create({",
    `  model: ${literal(model)},`,
    `  messages: [{ role: "user", content: "Hello!" }],`,
    "});",
    "console.log(completion.choices[0]?.message.content);",
  ].join("\n");
  return { curl, python, typescript };
}

/** The first call to try with a new key: the models it may use. */
export function listModelsCurl(baseUrl: string): string {
  return `curl ${shellQuote(`${baseUrl}/models`)} \\\n  -H "Authorization: Bearer $${API_KEY_VARIABLE}"`;
}
