// Normalises the base URL an admin pastes for an endpoint and explains every change, so the classic
// mistakes (a pasted ".../chat/completions", a trailing slash, a missing /v1) never reach a request.
export type NormalisedUrl = { ok: true; url: string; notes: string[] } | { ok: false; error: string };

const ENDPOINT_SUFFIXES = ["/chat/completions", "/completions", "/responses", "/models", "/embeddings"];

export function normaliseBaseUrl(input: string): NormalisedUrl {
  const raw = input.trim();
  if (!raw) return { ok: false, error: "Enter the server's base URL, e.g. http://localhost:11434/v1." };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
  } catch {
    return { ok: false, error: "That is not a valid URL. Use the form http://host:port/v1." };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { ok: false, error: `Only http:// and https:// URLs are supported (got ${url.protocol}).` };
  }
  if (url.username || url.password) {
    return { ok: false, error: "Put credentials in the API key field, not in the URL." };
  }
  const notes: string[] = [];
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) notes.push("Added http:// in front of the address.");
  if (url.search || url.hash) {
    notes.push("Removed the query string: it is not part of a base URL.");
    url.search = "";
    url.hash = "";
  }
  let path = url.pathname;
  for (let changed = true; changed; ) {
    changed = false;
    const trimmed = path.replace(/\/+$/, "");
    if (trimmed !== path) {
      if (trimmed !== "" || path !== "/") notes.push("Removed the trailing slash.");
      path = trimmed;
    }
    for (const suffix of ENDPOINT_SUFFIXES) {
      if (path.toLowerCase().endsWith(suffix)) {
        path = path.slice(0, -suffix.length);
        notes.push(`Removed “${suffix}”: Switchboard adds the endpoint path itself; the base URL ends before it.`);
        changed = true;
        break;
      }
    }
  }
  if (path === "") {
    path = "/v1";
    notes.push("Added /v1: OpenAI-compatible servers serve their API under /v1.");
  }
  url.pathname = path;
  return { ok: true, url: url.toString().replace(/\/+$/, ""), notes: [...new Set(notes)] };
}
