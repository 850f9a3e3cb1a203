"use client";
// The sidebar: "New chat", search over titles and messages, and the conversations newest first,
// under day headings in the viewer's time zone, loaded page by page as the list scrolls (with a
// "Load more" button as well). Arrow keys move between conversations.
import { Bot, Search, SquarePen } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { deleteConversation, fetchConversationPage, renameConversation, searchConversations } from "@/components/chat/conversation-api";
import { ConversationRow } from "@/components/chat/conversation-row";
import {
  forgetConversation,
  mergeConversations,
  onTurnEnded,
  useRememberedConversations,
  withFreshFirstPage,
  withNextPage,
  type LoadedConversations,
} from "@/components/chat/conversations-store";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useMinuteClock } from "@/components/ui/use-minute-clock";
import { MAX_SEARCH_LENGTH } from "@/lib/schemas/chat";
import type { ConversationListPage, ConversationSummary } from "@/lib/types/chat";
import { groupByDay, viewerTimeZone, type DayGroup } from "@/lib/utils/day-groups";

/** After a first answer the title is generated in the background: look again a few times. */
const TITLE_CHECKS_MS = [1_000, 3_000, 10_000];
const SEARCH_DELAY_MS = 250;

const asLoaded = (page: ConversationListPage): LoadedConversations => ({ items: page.conversations, nextCursor: page.nextCursor });
const messageOf = (error: unknown) => (error instanceof Error ? error.message : "Something went wrong. Try again.");

export function ConversationList({ initial }: { initial: ConversationListPage }) {
  const pathname = usePathname();
  const router = useRouter();
  const now = useMinuteClock();
  const remembered = useRememberedConversations();
  const searchId = useId();

  // The layout renders the first page; a router.refresh() brings a new one.
  const [loaded, setLoaded] = useState<LoadedConversations>(() => asLoaded(initial));
  const [initialSeen, setInitialSeen] = useState(initial);
  if (initialSeen !== initial) {
    setInitialSeen(initial);
    setLoaded((current) => withFreshFirstPage(current, asLoaded(initial)));
  }
  const conversations = mergeConversations(loaded.items, remembered);

  const [loadingMore, setLoadingMore] = useState(false);
  const [listError, setListError] = useState<string | null>(null);
  const loadingRef = useRef(false);
  const loadMore = useCallback(async () => {
    const cursor = loaded.nextCursor;
    if (loadingRef.current || !cursor) return;
    loadingRef.current = true;
    setLoadingMore(true);
    setListError(null);
    try {
      const page = await fetchConversationPage(cursor);
      setLoaded((current) => withNextPage(current, asLoaded(page)));
    } catch (error) {
      setListError(messageOf(error));
    } finally {
      loadingRef.current = false;
      setLoadingMore(false);
    }
  }, [loaded.nextCursor]);
  const loadMoreRef = useRef(loadMore);
  useEffect(() => {
    loadMoreRef.current = loadMore;
  }, [loadMore]);

  const [query, setQuery] = useState("");
  const search = query.trim();
  const [results, setResults] = useState<{ query: string; items: ConversationSummary[] } | null>(null);
  const [searchError, setSearchError] = useState<{ query: string; message: string } | null>(null);

  // Infinite scroll: a sentinel under the list loads the next page when it comes into view. A new
  // observer per page also covers a page too short to scroll.
  const sentinelRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const sentinel = sentinelRef.current;
    // Without IntersectionObserver (old browsers), the "Load more" button does the job.
    if (!sentinel || !loaded.nextCursor || search || listError || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) void loadMoreRef.current();
      },
      { rootMargin: "0px 0px 240px 0px" },
    );
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [loaded.nextCursor, search, listError]);

  // After a turn: the first page again (order, new conversations, and a generated title).
  useEffect(() => {
    const timers: Array<ReturnType<typeof setTimeout>> = [];
    const refresh = async () => {
      try {
        const page = await fetchConversationPage(null);
        setLoaded((current) => withFreshFirstPage(current, asLoaded(page)));
      } catch {
        // The list stays as it is; the next turn or a reload catches up.
      }
    };
    const unsubscribe = onTurnEnded(({ firstAnswer }) => {
      void refresh();
      if (firstAnswer) for (const delay of TITLE_CHECKS_MS) timers.push(setTimeout(() => void refresh(), delay));
    });
    return () => {
      unsubscribe();
      for (const timer of timers) clearTimeout(timer);
    };
  }, []);

  useEffect(() => {
    if (!search) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      searchConversations(search, controller.signal)
        .then((items) => {
          setResults({ query: search, items });
          setSearchError(null);
        })
        .catch((error: unknown) => {
          if (!controller.signal.aborted) setSearchError({ query: search, message: messageOf(error) });
        });
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [search]);

  function updateEverywhere(change: (items: ConversationSummary[]) => ConversationSummary[]) {
    setLoaded((current) => ({ ...current, items: change(current.items) }));
    setResults((current) => (current ? { ...current, items: change(current.items) } : current));
  }

  async function rename(id: string, title: string): Promise<string | null> {
    try {
      const saved = await renameConversation(id, title);
      updateEverywhere((items) => items.map((item) => (item.id === id ? { ...item, title: saved.title } : item)));
      return null;
    } catch (error) {
      return messageOf(error);
    }
  }

  const [pendingDelete, setPendingDelete] = useState<ConversationSummary | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  async function confirmDelete() {
    if (!pendingDelete) return;
    const { id } = pendingDelete;
    setDeleting(true);
    setDeleteError(null);
    try {
      await deleteConversation(id);
      updateEverywhere((items) => items.filter((item) => item.id !== id));
      forgetConversation(id);
      setPendingDelete(null);
      if (pathname === `/c/${id}`) {
        router.push("/");
        router.refresh();
      }
    } catch (error) {
      setDeleteError(messageOf(error));
    } finally {
      setDeleting(false);
    }
  }

  function askDelete(conversation: ConversationSummary) {
    setDeleteError(null);
    setPendingDelete(conversation);
  }

  function onListKeyDown(event: KeyboardEvent<HTMLElement>) {
    const target = event.target;
    if (!(target instanceof HTMLElement) || !target.matches("[data-conversation-link]")) return;
    const links = [...event.currentTarget.querySelectorAll<HTMLElement>("[data-conversation-link]")];
    const index = links.indexOf(target);
    const next =
      event.key === "ArrowDown" ? links[index + 1] : event.key === "ArrowUp" ? links[index - 1] : event.key === "Home" ? links[0] : event.key === "End" ? links.at(-1) : undefined;
    if (!next) return;
    event.preventDefault();
    next.focus();
  }

  const row = (conversation: ConversationSummary) => (
    <ConversationRow
      key={conversation.id}
      conversation={conversation}
      active={pathname === `/c/${conversation.id}`}
      onRename={rename}
      onDelete={askDelete}
    />
  );

  // Day headings need the viewer's clock and time zone: the server (and hydration) render one flat list.
  const groups: Array<DayGroup<ConversationSummary> & { heading: boolean }> =
    now === null ? [{ label: "all", items: conversations, heading: false }] : groupByDay(conversations, new Date(now), viewerTimeZone()).map((group) => ({ ...group, heading: true }));

  const searchDone = results?.query === search;
  const failedSearch = searchError?.query === search ? searchError.message : null;

  return (
    <div className="flex flex-col gap-3 py-2">
      <button
        type="button"
        onClick={() => {
          router.push("/");
          // After a first message the URL says /c/<id> while the "/" page is still mounted (the
          // history was replaced, not navigated); a refresh renders a fresh, empty chat.
          router.refresh();
        }}
        className="flex items-center gap-2 rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
      >
        <SquarePen className="size-4" aria-hidden />
        New chat
      </button>
      <Link
        href="/assistants"
        className={`flex items-center gap-2 rounded-md px-3 py-1.5 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800 ${pathname.startsWith("/assistants") ? "bg-zinc-200 dark:bg-zinc-800" : ""}`}
      >
        <Bot className="size-4" aria-hidden />
        Assistants
      </Link>
      <div role="search" className="relative">
        <label htmlFor={searchId} className="sr-only">
          Search conversations
        </label>
        <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-zinc-400" aria-hidden />
        <input
          id={searchId}
          type="search"
          value={query}
          maxLength={MAX_SEARCH_LENGTH}
          placeholder="Search"
          autoComplete="off"
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape" && query) {
              // Clears the search; a second Escape may close the drawer.
              event.stopPropagation();
              setQuery("");
            }
          }}
          className="w-full rounded-md border border-zinc-300 bg-white py-1.5 pr-2 pl-8 text-sm outline-none focus:ring-2 focus:ring-blue-500 dark:border-zinc-700 dark:bg-zinc-900"
        />
      </div>

      {search ? (
        <section aria-labelledby="search-results-heading" onKeyDown={onListKeyDown}>
          <h2 id="search-results-heading" className="mb-2 px-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase">
            Search results
          </h2>
          {failedSearch ? (
            <p role="alert" className="px-2 text-sm text-red-600 dark:text-red-400">
              {failedSearch}
            </p>
          ) : !searchDone ? (
            <p role="status" className="px-2 text-sm text-zinc-500">
              Searching…
            </p>
          ) : results.items.length === 0 ? (
            <p role="status" className="px-2 text-sm text-zinc-500">
              No conversation matches “{search}”.
            </p>
          ) : (
            <ul className="flex flex-col gap-0.5" data-testid="search-results">
              {results.items.map(row)}
            </ul>
          )}
        </section>
      ) : (
        <section aria-labelledby="conversations-heading">
          <h2 id="conversations-heading" className="mb-2 px-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase">
            Conversations
          </h2>
          {conversations.length === 0 ? (
            <p className="px-2 text-sm text-zinc-500">No conversations yet.</p>
          ) : (
            <div className="flex flex-col gap-3" data-testid="conversation-list" onKeyDown={onListKeyDown}>
              {groups.map((group, index) => (
                <div key={group.label} role={group.heading ? "group" : undefined} aria-labelledby={group.heading ? `${searchId}-day-${index}` : undefined}>
                  {group.heading ? (
                    <h3 id={`${searchId}-day-${index}`} className="mb-1 px-2 text-xs font-medium text-zinc-500">
                      {group.label}
                    </h3>
                  ) : null}
                  <ul className="flex flex-col gap-0.5">{group.items.map(row)}</ul>
                </div>
              ))}
            </div>
          )}
          {loaded.nextCursor ? (
            <div className="mt-2 flex flex-col items-stretch gap-1" data-keep-sidebar-open>
              <div ref={sentinelRef} aria-hidden className="h-px" />
              <button
                type="button"
                onClick={() => void loadMore()}
                disabled={loadingMore}
                className="rounded-md px-2 py-1.5 text-sm text-zinc-600 hover:bg-zinc-100 disabled:opacity-60 dark:text-zinc-400 dark:hover:bg-zinc-800"
              >
                {loadingMore ? "Loading…" : "Load more"}
              </button>
            </div>
          ) : null}
          {listError ? (
            <p role="alert" className="px-2 pt-1 text-sm text-red-600 dark:text-red-400">
              {listError}
            </p>
          ) : null}
        </section>
      )}

      <div data-keep-sidebar-open>
        <ConfirmDialog
        open={pendingDelete !== null}
        title="Delete conversation?"
        confirmLabel="Delete"
        busy={deleting}
        error={deleteError}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setPendingDelete(null)}
      >
          “{pendingDelete?.title}” and all its messages will be deleted. This cannot be undone.
        </ConfirmDialog>
      </div>
    </div>
  );
}
