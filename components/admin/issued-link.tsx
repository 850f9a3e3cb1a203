"use client";
// A one-time link an admin has just made, shown once to copy and hand over (only its hash is stored).
import { z } from "zod";

export const issuedLinkSchema = z.object({ url: z.string(), expiresAt: z.string() });
export type IssuedLinkData = z.infer<typeof issuedLinkSchema>;

export function IssuedLink({ label, link }: { label: string; link: IssuedLinkData }) {
  return (
    <div className="flex flex-col gap-1 text-sm" data-testid="issued-link">
      <label className="font-medium">
        {label}
        <input
          readOnly
          value={link.url}
          onFocus={(event) => event.currentTarget.select()}
          className="mt-1 w-full rounded-md border border-zinc-300 bg-zinc-50 px-2 py-1 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-950"
        />
      </label>
      <p className="text-xs text-zinc-500">
        Works once, until {new Date(link.expiresAt).toLocaleString()}. It is shown only now: copy it and send it to the person.
      </p>
    </div>
  );
}
