"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { requestSignIn, safeCallbackUrl } from "@/components/auth/auth-requests";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useHydrated } from "@/components/ui/use-hydrated";

export function SignInForm({ callbackUrl, signupOpen }: { callbackUrl?: string; signupOpen: boolean }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const fields: { email?: string; password?: string } = {};
    if (!email) fields.email = "Enter your email address.";
    if (!password) fields.password = "Enter your password.";
    setFieldErrors(fields);
    setError(null);
    if (fields.email || fields.password) return;
    setPending(true);
    const result = await requestSignIn(email, password, safeCallbackUrl(callbackUrl));
    if (result.ok) {
      router.replace(safeCallbackUrl(result.url ?? callbackUrl));
      router.refresh();
      return;
    }
    setPending(false);
    setError(result.message);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Sign in">
      {error ? <Alert>{error}</Alert> : null}
      <TextField label="Email" name="email" type="email" autoComplete="email" required disabled={!hydrated} error={fieldErrors.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        disabled={!hydrated}
        error={fieldErrors.password}
      />
      <Button type="submit" disabled={!hydrated || pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      {signupOpen ? (
        <p className="text-center text-sm text-zinc-600 dark:text-zinc-400">
          No account yet?{" "}
          <Link className="font-medium underline" href="/sign-up">
            Create one
          </Link>
        </p>
      ) : null}
    </form>
  );
}
