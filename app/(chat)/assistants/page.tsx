import type { Metadata } from "next";
import Link from "next/link";
import { AssistantCard } from "@/components/assistants/assistant-card";
import { ImportAssistant } from "@/components/assistants/import-assistant";
import { requirePageUser } from "@/lib/auth/session";
import { listAssistants } from "@/lib/db/assistants";
import { cleanSearchText } from "@/lib/schemas/storable-text";

export const metadata: Metadata = { title: "Assistants" };

export default async function AssistantsPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await requirePageUser("/assistants");
  const { q } = await searchParams;
  const query = typeof q === "string" ? cleanSearchText(q).slice(0, 200) : "";
  const [gallery, mine] = await Promise.all([listAssistants(user, { query, scope: "gallery" }), listAssistants(user, { scope: "mine" })]);
  const shared = gallery.filter((assistant) => !assistant.mine);
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-8 px-4 py-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Assistants</h1>
        <Link href="/assistants/new" className="rounded-md bg-zinc-900 px-3 py-2 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900">
          Create assistant
        </Link>
      </div>
      <form role="search" className="flex gap-2">
        <label htmlFor="assistant-search" className="sr-only">
          Search assistants
        </label>
        <input id="assistant-search" name="q" type="search" defaultValue={query} placeholder="Search assistants" className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900" />
        <button type="submit" className="rounded-md border border-zinc-300 px-3 py-2 text-sm dark:border-zinc-700">
          Search
        </button>
      </form>
      <section aria-labelledby="gallery-heading" className="flex flex-col gap-3">
        <h2 id="gallery-heading" className="text-lg font-medium">
          Shared in your organisation
        </h2>
        {shared.length === 0 ? (
          <p className="text-sm text-zinc-500">{query ? `No shared assistants match “${query}”.` : "Nobody has shared an assistant yet."}</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {shared.map((assistant) => (
              <AssistantCard key={assistant.id} assistant={assistant} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="mine-heading" className="flex flex-col gap-3">
        <h2 id="mine-heading" className="text-lg font-medium">
          My assistants
        </h2>
        {mine.length === 0 ? (
          <p className="text-sm text-zinc-500">You have not created an assistant yet.</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {mine.map((assistant) => (
              <AssistantCard key={assistant.id} assistant={assistant} />
            ))}
          </ul>
        )}
        <ImportAssistant />
      </section>
    </div>
  );
}
