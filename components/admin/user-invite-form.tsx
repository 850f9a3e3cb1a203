"use client";
// Admins add people while public sign-up is closed: an invite makes a one-time link to hand over.
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { IssuedLink, issuedLinkSchema, type IssuedLinkData } from "@/components/admin/issued-link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { fetchJson } from "@/lib/utils/fetch-json";

export function UserInviteForm() {
  const hydrated = useHydrated();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [issued, setIssued] = useState<(IssuedLinkData & { email: string }) | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    setPending(true);
    setError(null);
    setIssued(null);
    const result = await fetchJson("/api/admin/users/invites", issuedLinkSchema, {
      method: "POST",
      body: JSON.stringify({ email, role: z.enum(["user", "admin"]).catch("user").parse(form.get("role")) }),
    });
    setPending(false);
    if (!result.ok) {
      setFieldErrors(result.fields ?? {});
      setError(result.fields ? null : result.message);
      return;
    }
    setFieldErrors({});
    setIssued({ ...result.data, email: email.trim().toLowerCase() });
  }

  return (
    <section className="flex flex-col gap-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" aria-labelledby="invite-heading">
      <h2 id="invite-heading" className="font-medium">
        Invite someone
      </h2>
      <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3" aria-label="Invite a user">
        <TextField label="Email to invite" name="email" type="email" required disabled={!hydrated} error={fieldErrors.email} className="min-w-56 flex-1" />
        <label className="flex flex-col gap-1 text-sm font-medium">
          Role
          <select name="role" defaultValue="user" disabled={!hydrated} className="rounded-md border border-zinc-300 bg-white px-2 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900">
            <option value="user">User</option>
            <option value="admin">Admin</option>
          </select>
        </label>
        <Button type="submit" disabled={!hydrated || pending}>
          {pending ? "Creating…" : "Create invite link"}
        </Button>
      </form>
      {error ? <Alert>{error}</Alert> : null}
      {issued ? <IssuedLink label={`Invite link for ${issued.email}`} link={issued} /> : null}
    </section>
  );
}
