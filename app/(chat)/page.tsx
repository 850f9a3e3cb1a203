import { randomUUID } from "node:crypto";
import { Chat } from "@/components/chat/chat";
import { NoModelNotice } from "@/components/chat/no-model-notice";
import { requirePageUser } from "@/lib/auth/session";
import { loadChatSetup } from "@/lib/chat/chat-setup";

export default async function NewChatPage() {
  const user = await requirePageUser();
  const setup = await loadChatSetup(null);
  return (
    <Chat
      // A fresh key per request: "New chat" after a conversation starts over with an empty view.
      key={randomUUID()}
      conversationId={null}
      title={null}
      initialMessages={[]}
      models={setup.models}
      initialModelId={setup.selectedModelId}
      blocked={setup.canChat ? undefined : <NoModelNotice isAdmin={user.role === "admin"} />}
      emptyState={
        <div className="flex flex-col gap-3 py-10">
          <h1 className="text-3xl font-semibold">Welcome{user.name ? `, ${user.name}` : ""}</h1>
          <p className="text-zinc-600 dark:text-zinc-400">
            Switchboard runs your organisation&apos;s AI assistants on the models your admins connect.
          </p>
        </div>
      }
    />
  );
}
