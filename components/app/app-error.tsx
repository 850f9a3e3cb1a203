"use client";
// What an error page says. In production the browser gets no error message (only a digest), so the page
// asks /api/health whether the database is answering: when it is not, it says so in words.
import { useRouter } from "next/navigation";
import { startTransition, useEffect, useState } from "react";
import { z } from "zod";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/database-unavailable";

const healthSchema = z.object({ database: z.enum(["ok", "error"]) });
const GENERIC = "Something went wrong on the server. Try again; if it keeps happening, tell your admin.";

export function AppError({ reset }: { reset: () => void }) {
  const router = useRouter();
  const [databaseDown, setDatabaseDown] = useState<boolean | null>(null);

  useEffect(() => {
    let cancelled = false;
    fetch("/api/health", { cache: "no-store" })
      .then(async (res) => healthSchema.parse(await res.json()))
      .then((health) => !cancelled && setDatabaseDown(health.database === "error"))
      .catch(() => !cancelled && setDatabaseDown(false));
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold">{databaseDown ? "Switchboard can't reach its database" : "Something went wrong"}</h1>
      <p role="alert" className="text-zinc-600 dark:text-zinc-400">
        {databaseDown === null ? "Checking what happened…" : databaseDown ? DATABASE_UNAVAILABLE_MESSAGE : GENERIC}
      </p>
      <button type="button" onClick={() => startTransition(() => {
          // The page failed on the server: fetch it again, then render it again.
          router.refresh();
          reset();
        })} className="rounded-md border border-zinc-300 px-3 py-2 text-sm font-medium dark:border-zinc-700">
        Try again
      </button>
    </main>
  );
}
