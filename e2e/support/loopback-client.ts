// Raw HTTP to the app from a chosen loopback source address (127.0.0.2, 127.0.0.3, ...), so a spec can
// play several clients whose TCP peer addresses differ, which Playwright's request context cannot.
import http from "node:http";

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; text: string };

export function rawRequest(
  baseURL: string,
  options: { from: string; method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  const url = new URL(options.path, baseURL);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: options.method ?? "GET",
        localAddress: options.from,
        headers: { ...options.headers, ...(options.body !== undefined ? { "content-length": String(Buffer.byteLength(options.body)) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** Signs in through next-auth's credentials callback from `from`; returns the response (CSRF handled). */
export async function signInFrom(
  baseURL: string,
  from: string,
  fields: Array<[string, string]>,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  const csrf = await rawRequest(baseURL, { from, path: "/api/auth/csrf" });
  const token = (JSON.parse(csrf.text) as { csrfToken: string }).csrfToken;
  const cookie = (csrf.headers["set-cookie"] ?? []).map((value) => value.split(";")[0]).join("; ");
  const body = new URLSearchParams([...fields, ["csrfToken", token], ["json", "true"], ["callbackUrl", "/"]]).toString();
  return rawRequest(baseURL, {
    from,
    method: "POST",
    path: "/api/auth/callback/credentials",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...headers },
    body,
  });
}

/** True when a sign-in response is next-auth's success (a redirect URL without an error). */
export function signedIn(res: RawResponse): boolean {
  if (res.status !== 200) return false;
  const url = (JSON.parse(res.text) as { url?: string }).url ?? "";
  return url !== "" && !url.includes("error=");
}
