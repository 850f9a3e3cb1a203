import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { AssistantAvatar } from "@/components/assistants/assistant-avatar";
import { Chat } from "@/components/chat/chat";
import { NoModelNotice } from "@/components/chat/no-model-notice";
import { requirePageUser } from "@/lib/auth/session";
import { loadChatSetup } from "@/lib/chat/chat-setup";
import { getAssistantForUse } from "@/lib/db/assistants";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/schemas/ids";

export default async function NewChatPage({ searchParams }: { searchParams: Promise<{ assistant?: string }> }) {
  const user = await requirePageUser();
  const { assistant: assistantParam } = await searchParams;
  if (typeof assistantParam === "string" && !isUuid(assistantParam)) notFound();
  const assistant =
    typeof assistantParam === "string"
      ? await getAssistantForUse(user, assistantParam).catch((error: unknown) => {
          if (error instanceof AppError && error.code === "not_found") notFound();
          throw error;
        })
      : null;
  const setup = await loadChatSetup(assistant?.modelId ?? null);
  return (
    <Chat
      // A fresh key per request: "New chat" after a conversation starts over with an empty view.
      key={randomUUID()}
      conversationId={null}
      title={null}
      initialMessages={[]}
      models={setup.models}
      initialModelId={setup.selectedModelId}
      assistant={assistant ? { id: assistant.id, starters: assistant.starters } : null}
      speaker={assistant ? { name: assistant.name, avatar: assistant.avatar } : null}
      blocked={setup.canChat ? undefined : <NoModelNotice isAdmin={user.role === "admin"} />}
      emptyState={
        assistant ? (
          <div className="flex flex-col items-center gap-3 py-10 text-center" data-testid="assistant-intro">
            <AssistantAvatar avatar={assistant.avatar} size="lg" />
            <h1 className="text-2xl font-semibold">{assistant.name}</h1>
            {assistant.description ? <p className="max-w-prose text-zinc-600 dark:text-zinc-400">{assistant.description}</p> : null}
            <p className="text-xs text-zinc-500">By {assistant.creatorName}</p>
            {/* What every user sees, editors included: shown only when the assistant shows its instructions. */}
            {assistant.showInstructions && assistant.instructions ? (
              <details className="max-w-prose text-left text-sm" data-testid="assistant-instructions">
                <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">Instructions</summary>
                <p className="mt-2 whitespace-pre-wrap text-zinc-700 dark:text-zinc-300">{assistant.instructions}</p>
              </details>
            ) : null}
          </div>
        ) : (
          <div className="flex flex-col gap-3 py-10">
            <h1 className="text-3xl font-semibold">Welcome{user.name ? `, ${user.name}` : ""}</h1>
            <p className="text-zinc-600 dark:text-zinc-400">
              Switchboard runs your organisation&apos;s AI assistants on the models your admins connect.
            </p>
          </div>
        )
      }
    />
  );
}
