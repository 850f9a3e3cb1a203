"use client";
// The admin's user list: search (server-side, via ?q=), load more, change role, disable/enable, turn
// API access on or off, and issue a one-time password reset link.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { fetchJson } from "@/lib/utils/fetch-json";
import { IssuedLink, issuedLinkSchema, type IssuedLinkData } from "@/components/admin/issued-link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";

export type AdminUserRow = {
  id: string;
  email: string;
  name: string | null;
  role: "admin" | "user";
  disabled: boolean;
  /** Whether the user's API keys work. */
  apiAccess: boolean;
  createdAt: string;
};

const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(["admin", "user"]),
  disabledAt: z.string().nullable(),
  apiAccess: z.boolean(),
  createdAt: z.string(),
});

const toRow = (user: z.infer<typeof userSchema>): AdminUserRow => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  disabled: user.disabledAt !== null,
  apiAccess: user.apiAccess,
  createdAt: user.createdAt,
});

export function UsersTable({
  currentUserId,
  query,
  initialUsers,
  initialCursor,
}: {
  currentUserId: string;
  query: string;
  initialUsers: AdminUserRow[];
  initialCursor: string | null;
}) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [users, setUsers] = useState(initialUsers);
  const [cursor, setCursor] = useState(initialCursor);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [resetLink, setResetLink] = useState<(IssuedLinkData & { userId: string }) | null>(null);

  async function issueReset(id: string) {
    setBusy(id);
    setError(null);
    setResetLink(null);
    const result = await fetchJson(`/api/admin/users/${id}/password-reset`, issuedLinkSchema, { method: "POST" });
    setBusy(null);
    if (result.ok) setResetLink({ ...result.data, userId: id });
    else setError(result.message);
  }

  function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget).get("q") ?? "").trim();
    router.push(q ? `/admin/users?q=${encodeURIComponent(q)}` : "/admin/users");
  }

  async function update(id: string, change: { role?: "admin" | "user"; disabled?: boolean; apiAccess?: boolean }) {
    setBusy(id);
    setError(null);
    const result = await fetchJson(`/api/admin/users/${id}`, z.object({ user: userSchema }), {
      method: "PATCH",
      body: JSON.stringify(change),
    });
    setBusy(null);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    const row = toRow(result.data.user);
    setUsers((current) => current.map((user) => (user.id === id ? row : user)));
    if (id === currentUserId) router.refresh();
  }

  async function loadMore() {
    if (!cursor) return;
    setBusy("more");
    const params = new URLSearchParams({ cursor });
    if (query) params.set("q", query);
    const result = await fetchJson(
      `/api/admin/users?${params}`,
      z.object({ users: z.array(userSchema), nextCursor: z.string().nullable() }),
    );
    setBusy(null);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setUsers((current) => [...current, ...result.data.users.map(toRow)]);
    setCursor(result.data.nextCursor);
  }

  return (
    <section className="flex flex-col gap-3" aria-label="User list">
      <form role="search" onSubmit={onSearch} className="flex gap-2">
        <label htmlFor="user-search" className="sr-only">
          Search users
        </label>
        <input
          id="user-search"
          name="q"
          type="search"
          defaultValue={query}
          placeholder="Search by email or name"
          disabled={!hydrated}
          className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
        <Button type="submit" variant="secondary" disabled={!hydrated}>
          Search
        </Button>
      </form>
      {error ? <Alert>{error}</Alert> : null}
      {users.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-500 dark:border-zinc-700">
          {query ? `No users match “${query}”.` : "No users yet."}
        </p>
      ) : (
        <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {users.map((user) => (
            <li key={user.id} data-testid="user-row" data-email={user.email} className="flex flex-wrap items-center gap-3 p-3">
              <div className="min-w-48 flex-1">
                <p className="truncate font-medium">
                  {user.name || user.email}
                  {user.id === currentUserId ? <span className="ml-2 text-xs text-zinc-500">(you)</span> : null}
                </p>
                <p className="truncate text-sm text-zinc-500">{user.email}</p>
              </div>
              <span
                data-testid="user-status"
                className={
                  user.disabled
                    ? "rounded bg-red-100 px-2 py-0.5 text-xs text-red-800 dark:bg-red-950 dark:text-red-200"
                    : "rounded bg-green-100 px-2 py-0.5 text-xs text-green-800 dark:bg-green-950 dark:text-green-200"
                }
              >
                {user.disabled ? "Disabled" : "Active"}
              </span>
              <label className="flex items-center gap-1 text-sm">
                <span className="sr-only">Role of {user.email}</span>
                <select
                  value={user.role}
                  disabled={!hydrated || busy === user.id}
                  onChange={(event) => update(user.id, { role: event.target.value === "admin" ? "admin" : "user" })}
                  className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
                >
                  <option value="user">User</option>
                  <option value="admin">Admin</option>
                </select>
              </label>
              <label className="flex items-center gap-1.5 text-sm">
                <input
                  type="checkbox"
                  role="switch"
                  className="size-4"
                  checked={user.apiAccess}
                  disabled={!hydrated || busy === user.id}
                  onChange={() => update(user.id, { apiAccess: !user.apiAccess })}
                  aria-label={`API access of ${user.email}`}
                />
                <span aria-hidden>API access</span>
              </label>
              <Button
                variant={user.disabled ? "secondary" : "danger"}
                disabled={!hydrated || busy === user.id}
                onClick={() => update(user.id, { disabled: !user.disabled })}
                aria-label={`${user.disabled ? "Enable" : "Disable"} ${user.email}`}
              >
                {user.disabled ? "Enable" : "Disable"}
              </Button>
              <Button
                variant="secondary"
                disabled={!hydrated || busy === user.id}
                onClick={() => issueReset(user.id)}
                aria-label={`Reset password of ${user.email}`}
              >
                Reset password
              </Button>
              {resetLink?.userId === user.id ? (
                <div className="w-full">
                  <IssuedLink label={`Password reset link for ${user.email}`} link={resetLink} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {cursor ? (
        <Button variant="secondary" onClick={loadMore} disabled={busy === "more"} className="self-center">
          {busy === "more" ? "Loading…" : "Load more"}
        </Button>
      ) : null}
    </section>
  );
}
