import Link from "next/link";
import { NO_MODEL_MESSAGE } from "@/lib/types/chat";

/** Shown instead of the message box while no model is usable. */
export function NoModelNotice({ isAdmin }: { isAdmin: boolean }) {
  return (
    <div role="status" className="mx-auto flex w-full max-w-3xl flex-col items-start gap-3 px-4 pb-6">
      <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100">
        {NO_MODEL_MESSAGE}
      </p>
      {isAdmin ? (
        <Link
          href="/admin/endpoints"
          className="rounded-md bg-zinc-900 px-3 py-2 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
        >
          Connect a model
        </Link>
      ) : null}
    </div>
  );
}
