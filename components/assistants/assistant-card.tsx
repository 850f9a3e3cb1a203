import Link from "next/link";
import { AssistantAvatar } from "@/components/assistants/assistant-avatar";
import type { AssistantSummary } from "@/lib/types/assistants";

export function AssistantCard({ assistant }: { assistant: AssistantSummary }) {
  return (
    <li data-testid="assistant-card" data-name={assistant.name} className="flex flex-col gap-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <div className="flex items-start gap-3">
        <AssistantAvatar avatar={assistant.avatar} />
        <div className="min-w-0 flex-1">
          <p className="font-medium">
            <Link href={`/?assistant=${assistant.id}`} className="hover:underline focus-visible:underline">
              {assistant.name}
            </Link>
            {assistant.featured ? <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">Featured</span> : null}
          </p>
          <p className="line-clamp-2 text-sm text-zinc-600 dark:text-zinc-400">{assistant.description || "No description."}</p>
          <p className="text-xs text-zinc-500">
            {assistant.mine ? "Yours" : `By ${assistant.creatorName}`} · {assistant.visibility === "private" ? "Private" : "Organisation"}
          </p>
        </div>
      </div>
      <div className="flex gap-2">
        <Link href={`/?assistant=${assistant.id}`} className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900" aria-label={`Chat with ${assistant.name}`}>
          Chat
        </Link>
        {assistant.canEdit ? (
          <Link href={`/assistants/${assistant.id}/edit`} className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700" aria-label={`Edit ${assistant.name}`}>
            Edit
          </Link>
        ) : null}
      </div>
    </li>
  );
}
