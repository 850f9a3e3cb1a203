"use client";
// /account: change your own password. The server ends every other session and keeps this one.
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { fetchJson } from "@/lib/utils/fetch-json";

export function ChangePasswordForm() {
  const hydrated = useHydrated();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setPending(true);
    setError(null);
    setDone(null);
    const result = await fetchJson("/api/account/password", z.object({ message: z.string() }), {
      method: "POST",
      body: JSON.stringify({ currentPassword: String(form.get("currentPassword") ?? ""), newPassword: String(form.get("newPassword") ?? "") }),
    });
    setPending(false);
    if (!result.ok) {
      setFieldErrors(result.fields ?? {});
      setError(result.fields ? null : result.message);
      return;
    }
    setFieldErrors({});
    formElement.reset();
    setDone(result.data.message);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-sm flex-col gap-4" aria-label="Change password">
      {error ? <Alert>{error}</Alert> : null}
      {done ? <Alert tone="info">{done}</Alert> : null}
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        disabled={!hydrated}
        error={fieldErrors.currentPassword}
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        disabled={!hydrated}
        error={fieldErrors.newPassword}
        hint="At least 10 characters. Your other sessions will be signed out."
      />
      <Button type="submit" disabled={!hydrated || pending}>
        {pending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
