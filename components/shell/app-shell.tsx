"use client";
// The app frame: a sidebar (conversations, navigation, account) and a main pane. On a phone the
// sidebar is a drawer opened from the header; Escape or a tap outside closes it.
import { Menu, Shield, X } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ThemeToggle } from "@/components/theme-toggle";
import { cn } from "@/lib/utils/cn";

/** Below Tailwind's `md`, the sidebar is a drawer. */
const PHONE_QUERY = "(max-width: 767.98px)";

function subscribePhone(onChange: () => void) {
  const query = window.matchMedia(PHONE_QUERY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** True at phone width (false while rendering on the server). */
function useIsPhone(): boolean {
  return useSyncExternalStore(subscribePhone, () => window.matchMedia(PHONE_QUERY).matches, () => false);
}

export type ShellUser = { name: string | null; email: string; role: "admin" | "user" };

export function AppShell({ user, sidebar, children }: { user: ShellUser; sidebar: ReactNode; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const isPhone = useIsPhone();
  // A closed drawer is off-screen: inert keeps its controls out of the Tab order and from screen readers.
  const drawerClosed = isPhone && !open;

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <div className="flex h-dvh overflow-hidden">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2 dark:bg-zinc-900"
      >
        Skip to chat
      </a>
      {open ? (
        <div className="fixed inset-0 z-30 bg-black/40 md:hidden" aria-hidden onClick={() => setOpen(false)} />
      ) : null}
      <aside
        id="sidebar"
        aria-label="Sidebar"
        inert={drawerClosed}
        className={cn(
          "fixed inset-y-0 left-0 z-40 flex w-72 flex-col border-r border-zinc-200 bg-zinc-50 transition-transform dark:border-zinc-800 dark:bg-zinc-900",
          "md:static md:translate-x-0",
          open ? "translate-x-0" : "-translate-x-full",
        )}
      >
        <div className="flex items-center justify-between px-4 py-3">
          <Link href="/" className="text-base font-semibold" onClick={() => setOpen(false)}>
            Switchboard
          </Link>
          <button
            type="button"
            className="rounded-md p-2 hover:bg-zinc-200 md:hidden dark:hover:bg-zinc-800"
            aria-label="Close sidebar"
            onClick={() => setOpen(false)}
          >
            <X className="size-4" aria-hidden />
          </button>
        </div>
        {/* On a phone, following a link or pressing a button in the sidebar (a conversation, "New chat") closes the
            drawer; controls that work inside the sidebar (rename, delete, load more) are marked data-keep-sidebar-open. */}
        <div
          className="min-h-0 flex-1 overflow-y-auto px-2"
          onClick={(event) => {
            if (event.target instanceof Element && event.target.closest("a, button") && !event.target.closest("[data-keep-sidebar-open]")) setOpen(false);
          }}
        >
          {sidebar}
        </div>
        <nav aria-label="Account" className="border-t border-zinc-200 p-2 dark:border-zinc-800">
          {user.role === "admin" ? (
            <Link
              href="/admin/users"
              onClick={() => setOpen(false)}
              className={cn(
                "flex items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800",
                pathname.startsWith("/admin") && "bg-zinc-200 dark:bg-zinc-800",
              )}
            >
              <Shield className="size-4" aria-hidden />
              Admin
            </Link>
          ) : null}
          <div className="px-2 py-1.5 text-xs text-zinc-500" data-testid="current-user">
            <span className="block truncate font-medium text-zinc-700 dark:text-zinc-300">{user.name || user.email}</span>
            {user.name ? <span className="block truncate">{user.email}</span> : null}
          </div>
          <Link href="/account" onClick={() => setOpen(false)} className="block rounded-md px-2 py-1.5 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800">
            Account
          </Link>
          <SignOutButton />
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center gap-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
          <button
            type="button"
            className="rounded-md p-2 hover:bg-zinc-100 md:hidden dark:hover:bg-zinc-800"
            aria-label="Open sidebar"
            aria-controls="sidebar"
            aria-expanded={open}
            onClick={() => setOpen(true)}
          >
            <Menu className="size-5" aria-hidden />
          </button>
          <div className="flex-1" />
          <ThemeToggle />
        </header>
        <main id="main" tabIndex={-1} className="min-h-0 flex-1 overflow-y-auto outline-none">
          {children}
        </main>
      </div>
    </div>
  );
}
