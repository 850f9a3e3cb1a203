"use client";
import { useState } from "react";
import { fetchJson } from "@/lib/utils/fetch-json";
import { Alert } from "@/components/ui/alert";
import { useHydrated } from "@/components/ui/use-hydrated";
import { z } from "zod";

export function SignupToggle({ initialOpen }: { initialOpen: boolean }) {
  const hydrated = useHydrated();
  const [open, setOpen] = useState(initialOpen);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function toggle() {
    setPending(true);
    setError(null);
    const result = await fetchJson("/api/admin/settings", z.object({ signupOpen: z.boolean() }), {
      method: "PATCH",
      body: JSON.stringify({ signupOpen: !open }),
    });
    setPending(false);
    if (result.ok) setOpen(result.data.signupOpen);
    else setError(result.message);
  }

  return (
    <section className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" aria-labelledby="signup-heading">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="signup-heading" className="font-medium">
            Public sign-up
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="signup-state">
            {open ? "Open: anyone who can reach this site can create an account." : "Closed: new accounts cannot be created."}
          </p>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            role="switch"
            className="size-4"
            checked={open}
            disabled={!hydrated || pending}
            onChange={toggle}
            aria-describedby="signup-heading"
          />
          Allow sign-up
        </label>
      </div>
      {error ? <Alert>{error}</Alert> : null}
    </section>
  );
}
