import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requirePageUser } from "@/lib/auth/session";

export default async function ChatLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  return (
    <AppShell
      user={{ name: user.name, email: user.email, role: user.role }}
      sidebar={
        <section aria-labelledby="conversations-heading" className="px-2 py-2">
          <h2 id="conversations-heading" className="mb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase">
            Conversations
          </h2>
          <p className="text-sm text-zinc-500">No conversations yet.</p>
        </section>
      }
    >
      {children}
    </AppShell>
  );
}
