import type { Metadata } from "next";
import { AssistantForm } from "@/components/assistants/assistant-form";
import { requirePageUser } from "@/lib/auth/session";
import { loadChatSetup } from "@/lib/chat/chat-setup";

export const metadata: Metadata = { title: "Create assistant" };

export default async function NewAssistantPage() {
  await requirePageUser("/assistants/new");
  const setup = await loadChatSetup(null);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-8">
      <h1 className="text-2xl font-semibold">Create an assistant</h1>
      <AssistantForm models={setup.models} isCreator />
    </div>
  );
}
