"use client";
// The form behind a one-time link: an invite (name + password, creates the account) or a password
// reset (new password). The server signs this browser in on success.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { fetchJson } from "@/lib/utils/fetch-json";

export function LinkPasswordForm({ kind, token, email }: { kind: "invite" | "reset"; token: string; email: string }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    const body = kind === "invite" ? { token, name: String(form.get("name") ?? ""), password } : { token, password };
    setPending(true);
    setError(null);
    const result = await fetchJson(kind === "invite" ? "/api/invites/accept" : "/api/password-resets", z.object({ message: z.string() }), {
      method: "POST",
      body: JSON.stringify(body),
    });
    if (!result.ok) {
      setPending(false);
      setFieldErrors(result.fields ?? {});
      setError(result.fields ? null : result.message);
      return;
    }
    router.replace("/");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={kind === "invite" ? "Accept invite" : "Reset password"}>
      {error ? <Alert>{error}</Alert> : null}
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Account: <span className="font-medium" data-testid="link-email">{email}</span>
      </p>
      {kind === "invite" ? (
        <TextField label="Name" name="name" autoComplete="name" disabled={!hydrated} error={fieldErrors.name} hint="Optional" />
      ) : null}
      <TextField
        label={kind === "invite" ? "Password" : "New password"}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        disabled={!hydrated}
        error={fieldErrors.password}
        hint="At least 10 characters."
      />
      <Button type="submit" disabled={!hydrated || pending}>
        {kind === "invite" ? (pending ? "Creating account…" : "Create account") : pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
