"use client";
// Small typed fetch helper for the admin pages: JSON in, JSON out, errors as sentences.
import { z } from "zod";

const errorSchema = z.object({ error: z.object({ message: z.string() }) });

export async function adminFetch<T>(url: string, schema: z.ZodType<T>, init?: RequestInit): Promise<{ ok: true; data: T } | { ok: false; message: string }> {
  try {
    const res = await fetch(url, { ...init, headers: { "Content-Type": "application/json", ...init?.headers } });
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const parsed = errorSchema.safeParse(body);
      return { ok: false, message: parsed.success ? parsed.data.error.message : `The server answered ${res.status}.` };
    }
    const parsed = schema.safeParse(body);
    return parsed.success ? { ok: true, data: parsed.data } : { ok: false, message: "The server sent an unexpected answer." };
  } catch {
    return { ok: false, message: "Could not reach the server. Check your connection and try again." };
  }
}
