import Link from "next/link";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requirePageAdmin } from "@/lib/auth/session";

const ADMIN_LINKS = [
  { href: "/admin/endpoints", label: "Endpoints" },
  { href: "/admin/models", label: "Models" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/api-keys", label: "API keys" },
  { href: "/admin/settings", label: "Settings" },
  { href: "/admin/audit", label: "Audit log" },
];

// The layout checks too, but every admin page calls requirePageAdmin() itself: layouts and pages
// render in parallel, so a layout alone never protects a page's data.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requirePageAdmin();
  return (
    <AppShell
      user={{ name: user.name, email: user.email, role: user.role }}
      sidebar={
        <nav aria-label="Admin" className="flex flex-col gap-1 px-2 py-2 text-sm">
          <h2 className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase">Admin</h2>
          {ADMIN_LINKS.map(({ href, label }) => (
            <Link key={href} href={href} className="rounded-md px-2 py-1.5 hover:bg-zinc-100 dark:hover:bg-zinc-800">
              {label}
            </Link>
          ))}
          <Link href="/" className="rounded-md px-2 py-1.5 hover:bg-zinc-100 dark:hover:bg-zinc-800">
            Back to chat
          </Link>
        </nav>
      }
    >
      {children}
    </AppShell>
  );
}
