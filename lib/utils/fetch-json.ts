// The browser's one way to call the app's JSON API: JSON in, JSON out (checked with a zod schema), and
// every failure as one shape with a sentence to show, from the one error body of lib/errors.ts. The
// sentences the browser says of its own live here too.
import { z } from "zod";

/** Sentences the browser shows when the server's own sentence is not there to show. */
export const CLIENT_SENTENCES = {
  offline: "Could not reach Switchboard. Check your connection and try again.",
  unreadable: "The server sent an unexpected answer. Reload the page.",
  connectionLost: "The connection to Switchboard was lost. Reload the page to see whether the answer arrived, or try again.",
  status: (status: number) => `The server answered ${status}. Try again in a moment.`,
} as const;

/** The error body every route answers with (lib/errors.ts). */
export const errorBodySchema = z.object({
  error: z.object({ code: z.string().optional(), message: z.string(), fields: z.record(z.string(), z.string()).optional() }),
});

/** A failed request: the HTTP status (0 when the server was not reached) and a sentence to show. */
export type FetchFailure = { ok: false; status: number; message: string; fields?: Record<string, string> };
export type FetchResult<T> = { ok: true; data: T } | FetchFailure;

/** The failure a non-2xx response stands for: the server's sentence, or one that names the status. */
export async function failureOf(res: Response): Promise<FetchFailure> {
  const parsed = errorBodySchema.safeParse(await res.json().catch(() => null));
  return parsed.success
    ? { ok: false, status: res.status, message: parsed.data.error.message, fields: parsed.data.error.fields }
    : { ok: false, status: res.status, message: CLIENT_SENTENCES.status(res.status) };
}

/**
 * Calls the API, declaring the body JSON (the routes require it). An aborted request rethrows its AbortError (the caller
 * cancelled it and shows nothing); every other failure is a FetchFailure.
 */
export async function fetchJson<T>(url: string, schema: z.ZodType<T>, init?: RequestInit): Promise<FetchResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { "Content-Type": "application/json", ...init?.headers } });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    return { ok: false, status: 0, message: CLIENT_SENTENCES.offline };
  }
  if (!res.ok) return failureOf(res);
  const body: unknown = res.status === 204 ? null : await res.json().catch(() => undefined);
  const parsed = schema.safeParse(body);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, status: res.status, message: CLIENT_SENTENCES.unreadable };
}

/** For callers that throw: the data, or an Error whose message is the sentence to show. */
export function unwrap<T>(result: FetchResult<T>): T {
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

/** The sentence in an error text that may be our JSON error body (as the AI SDK's transport reports a refused request). */
export function sentenceOfErrorText(text: string): string | null {
  if (!text.startsWith("{")) return null;
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.error.message : null;
  } catch {
    return null;
  }
}
