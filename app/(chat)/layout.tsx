import type { ReactNode } from "react";
import { ConversationList } from "@/components/chat/conversation-list";
import { AppShell } from "@/components/shell/app-shell";
import { requirePageUser } from "@/lib/auth/session";
import { listConversations } from "@/lib/db/conversations";

export default async function ChatLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  const firstPage = await listConversations(user.id);
  return (
    <AppShell user={{ name: user.name, email: user.email, role: user.role }} sidebar={<ConversationList initial={firstPage} />}>
      {children}
    </AppShell>
  );
}
