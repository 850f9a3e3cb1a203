"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { requestSignIn, requestSignUp } from "@/components/auth/auth-requests";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { signUpSchema } from "@/lib/schemas/auth";
import { zodFieldErrors } from "@/lib/errors";

export function SignUpForm({ firstAccount }: { firstAccount: boolean }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
    setError(null);
    const parsed = signUpSchema.safeParse(input);
    if (!parsed.success) {
      setFieldErrors(zodFieldErrors(parsed.error));
      return;
    }
    setFieldErrors({});
    setPending(true);
    const created = await requestSignUp(parsed.data);
    if (!created.ok) {
      setPending(false);
      setError(created.fields ? null : created.message);
      setFieldErrors(created.fields ?? {});
      return;
    }
    const signedIn = await requestSignIn(parsed.data.email, parsed.data.password, "/");
    if (!signedIn.ok) {
      setPending(false);
      // Sign-up answers the same for a taken email, so a failed sign-in here may mean the account existed.
      setError(
        signedIn.status === 401
          ? "Could not sign you in with this password. If you already had an account with this email, sign in with its password."
          : `Signing in failed: ${signedIn.message}`,
      );
      return;
    }
    router.replace("/");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label="Create account">
      {firstAccount ? (
        <Alert tone="info">This is the first account on this Switchboard: it will be the admin.</Alert>
      ) : null}
      {error ? <Alert>{error}</Alert> : null}
      <TextField label="Name" name="name" autoComplete="name" disabled={!hydrated} error={fieldErrors.name} hint="Optional" />
      <TextField label="Email" name="email" type="email" autoComplete="email" required disabled={!hydrated} error={fieldErrors.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        disabled={!hydrated}
        error={fieldErrors.password}
        hint="At least 10 characters."
      />
      <Button type="submit" disabled={!hydrated || pending}>
        {pending ? "Creating account…" : "Create account"}
      </Button>
      <p className="text-center text-sm text-zinc-600 dark:text-zinc-400">
        Already have an account?{" "}
        <Link className="font-medium underline" href="/sign-in">
          Sign in
        </Link>
      </p>
    </form>
  );
}
