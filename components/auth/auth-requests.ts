"use client";
// Browser side of sign-in/sign-up. Sign-in talks to next-auth's credentials callback directly (instead of
// next-auth/react's signIn) so a 429 from the throttle keeps its status and its sentence.
import { z } from "zod";

const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() }),
});

export type RequestResult =
  | { ok: true; url?: string }
  | { ok: false; status: number; message: string; fields?: Record<string, string> };

const SIGN_IN_MESSAGES: Record<string, string> = {
  CredentialsSignin: "Wrong email or password.",
  AccountDisabled: "This account has been disabled. Ask an admin to enable it.",
};

async function readError(res: Response): Promise<RequestResult> {
  const parsed = errorBodySchema.safeParse(await res.json().catch(() => null));
  if (parsed.success) {
    return { ok: false, status: res.status, message: parsed.data.error.message, fields: parsed.data.error.fields };
  }
  return { ok: false, status: res.status, message: `The server answered ${res.status}. Try again in a moment.` };
}

export async function requestSignIn(email: string, password: string, callbackUrl: string): Promise<RequestResult> {
  try {
    const csrf = z.object({ csrfToken: z.string() }).parse(await (await fetch("/api/auth/csrf")).json());
    const res = await fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, password, callbackUrl, csrfToken: csrf.csrfToken, json: "true" }),
    });
    // 401 is next-auth's own answer (its error code is in the URL); anything else is ours, with a sentence.
    if (res.status >= 400 && res.status !== 401) return readError(res);
    const body = z.object({ url: z.string() }).safeParse(await res.json().catch(() => null));
    if (!body.success) return { ok: false, status: res.status, message: "Sign-in failed. Try again in a moment." };
    const url = new URL(body.data.url, window.location.origin);
    const error = url.searchParams.get("error");
    if (error) return { ok: false, status: res.status, message: SIGN_IN_MESSAGES[error] ?? "Wrong email or password." };
    return { ok: true, url: url.origin === window.location.origin ? url.pathname + url.search : "/" };
  } catch {
    return { ok: false, status: 0, message: "Could not reach the server. Check your connection and try again." };
  }
}

export async function requestSignUp(input: { name: string; email: string; password: string }): Promise<RequestResult> {
  try {
    const res = await fetch("/api/sign-up", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(input),
    });
    return res.ok ? { ok: true } : readError(res);
  } catch {
    return { ok: false, status: 0, message: "Could not reach the server. Check your connection and try again." };
  }
}

/** Only same-site paths are followed after sign-in. */
export function safeCallbackUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}
