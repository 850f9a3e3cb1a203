// Small typed fetch helper for the browser: JSON in, JSON out (checked with a zod schema), errors
// as sentences from the one error shape of lib/errors.ts.
import { z } from "zod";

const errorSchema = z.object({ error: z.object({ message: z.string(), fields: z.record(z.string(), z.string()).optional() }) });

export type FetchResult<T> = { ok: true; data: T } | { ok: false; message: string; fields?: Record<string, string> };

export async function fetchJson<T>(url: string, schema: z.ZodType<T>, init?: RequestInit): Promise<FetchResult<T>> {
  try {
    const res = await fetch(url, { ...init, headers: { "Content-Type": "application/json", ...init?.headers } });
    const body: unknown = res.status === 204 ? null : await res.json().catch(() => null);
    if (!res.ok) {
      const parsed = errorSchema.safeParse(body);
      return parsed.success
        ? { ok: false, message: parsed.data.error.message, fields: parsed.data.error.fields }
        : { ok: false, message: `The server answered ${res.status}.` };
    }
    const parsed = schema.safeParse(body);
    return parsed.success ? { ok: true, data: parsed.data } : { ok: false, message: "The server sent an unexpected answer." };
  } catch {
    return { ok: false, message: "Could not reach the server. Check your connection and try again." };
  }
}
