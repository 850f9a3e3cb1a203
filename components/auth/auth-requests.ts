"use client";
// Browser side of sign-in/sign-up. Sign-in talks to next-auth's credentials callback directly (instead of
// next-auth/react's signIn) so a 429 from the throttle keeps its status and its sentence.
import { z } from "zod";
import { CLIENT_SENTENCES, failureOf, fetchJson, type FetchFailure } from "@/lib/utils/fetch-json";

export type RequestResult = { ok: true; url?: string } | FetchFailure;

const SIGN_IN_MESSAGES: Record<string, string> = {
  CredentialsSignin: "Wrong email or password.",
  AccountDisabled: "This account has been disabled. Ask an admin to enable it.",
};

export async function requestSignIn(email: string, password: string, callbackUrl: string): Promise<RequestResult> {
  try {
    const csrf = z.object({ csrfToken: z.string() }).parse(await (await fetch("/api/auth/csrf")).json());
    const res = await fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email, password, callbackUrl, csrfToken: csrf.csrfToken, json: "true" }),
    });
    // 401 is next-auth's own answer (its error code is in the URL); anything else is ours, with a sentence.
    if (res.status >= 400 && res.status !== 401) return failureOf(res);
    const body = z.object({ url: z.string() }).safeParse(await res.json().catch(() => null));
    if (!body.success) return { ok: false, status: res.status, message: "Sign-in failed. Try again in a moment." };
    const url = new URL(body.data.url, window.location.origin);
    const error = url.searchParams.get("error");
    if (error) return { ok: false, status: res.status, message: SIGN_IN_MESSAGES[error] ?? "Wrong email or password." };
    return { ok: true, url: url.origin === window.location.origin ? url.pathname + url.search : "/" };
  } catch {
    return { ok: false, status: 0, message: CLIENT_SENTENCES.offline };
  }
}

export async function requestSignUp(input: { name: string; email: string; password: string }): Promise<RequestResult> {
  const result = await fetchJson("/api/sign-up", z.unknown(), { method: "POST", body: JSON.stringify(input) });
  return result.ok ? { ok: true } : result;
}

/** Only same-site paths are followed after sign-in. */
export function safeCallbackUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}
