"use client";
// Signs out with a plain form POST to next-auth's signout endpoint (what next-auth/react's signOut
// sends), so the chat page does not download next-auth's client bundle for one button. The browser
// follows next-auth's redirect to /sign-in: a full load, nothing of the signed-in pages is kept.
import { LogOut } from "lucide-react";
import { useRef, useState } from "react";
import { z } from "zod";

export function SignOutButton() {
  const [state, setState] = useState<"idle" | "pending" | "failed">("idle");
  const form = useRef<HTMLFormElement>(null);
  const token = useRef<HTMLInputElement>(null);
  return (
    <form ref={form} method="post" action="/api/auth/signout">
      <input ref={token} type="hidden" name="csrfToken" />
      <input type="hidden" name="callbackUrl" value="/sign-in" />
      <button
        type="button"
        disabled={state === "pending"}
        onClick={async () => {
          setState("pending");
          try {
            const { csrfToken } = z.object({ csrfToken: z.string() }).parse(await (await fetch("/api/auth/csrf")).json());
            if (!form.current || !token.current) return;
            token.current.value = csrfToken;
            form.current.submit();
          } catch {
            setState("failed");
          }
        }}
        className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm text-zinc-700 hover:bg-zinc-100 disabled:opacity-50 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        <LogOut className="size-4" aria-hidden />
        {state === "pending" ? "Signing out…" : state === "failed" ? "Sign out (failed, try again)" : "Sign out"}
      </button>
    </form>
  );
}
