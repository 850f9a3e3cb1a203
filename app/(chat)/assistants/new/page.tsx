import type { Metadata } from "next";
import { AssistantForm } from "@/components/assistants/assistant-form";
import { listSelectableModels, resolveModel } from "@/lib/ai/models";
import { BUILTIN_TOOLS } from "@/lib/ai/tools/registry";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Create assistant" };

export default async function NewAssistantPage() {
  await requirePageUser("/assistants/new");
  const [models, defaultModel] = await Promise.all([listSelectableModels(), resolveModel(null)]);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-8">
      <h1 className="text-2xl font-semibold">Create an assistant</h1>
      <AssistantForm models={models} defaultModelId={defaultModel?.id ?? null} builtinTools={BUILTIN_TOOLS} isCreator />
    </div>
  );
}
