import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AssistantSideActions } from "@/components/assistants/assistant-admin-actions";
import { AssistantApiPanel } from "@/components/assistants/assistant-api-panel";
import { AssistantForm } from "@/components/assistants/assistant-form";
import { listSelectableModels, resolveModel } from "@/lib/ai/models";
import { BUILTIN_TOOLS } from "@/lib/ai/tools/registry";
import { apiAccessOf } from "@/lib/api/account-keys";
import { apiBaseUrl } from "@/lib/api/snippets";
import { assistantModelId } from "@/lib/assistants/slug";
import { describeActionDocument } from "@/lib/assistants/describe-action";
import { requirePageUser } from "@/lib/auth/session";
import { getAssistantForEdit, listVersions } from "@/lib/db/assistants";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/schemas/ids";

export const metadata: Metadata = { title: "Edit assistant" };

export default async function EditAssistantPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/assistants/${id}/edit`);
  if (!isUuid(id)) notFound();
  const assistantId = id;
  const [assistant, versions, models, defaultModel, apiAccess] = await Promise.all([
    getAssistantForEdit(user, assistantId),
    listVersions(user, assistantId),
    listSelectableModels(),
    resolveModel(null),
    apiAccessOf(user.id),
  ]).catch((error: unknown) => {
    // Not visible: 404. Visible but not editable: the same page as a miss, with no settings shown.
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  });
  // Through the shared parse cache: the documents the chat's turns use are parsed once.
  const knownActionChecks = Object.fromEntries(
    await Promise.all(assistant.config.actions.map(async (action) => [action.id, { spec: action.spec, result: await describeActionDocument(action.spec) }] as const)),
  );
  return (
    <div className="mx-auto grid max-w-5xl gap-8 px-4 py-8 lg:grid-cols-[1fr_18rem]">
      {/* min-w-0: a long code line scrolls inside its block instead of widening the page on a phone. */}
      <div className="flex min-w-0 flex-col gap-6">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h1 className="text-2xl font-semibold">{assistant.name}</h1>
          <Link href={`/?assistant=${assistant.id}`} className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700">
            Chat with it
          </Link>
        </div>
        <AssistantForm
          key={assistant.currentVersion}
          assistant={assistant}
          models={models}
          defaultModelId={defaultModel?.id ?? null}
          builtinTools={BUILTIN_TOOLS}
          isCreator={assistant.mine}
          knownActionChecks={knownActionChecks}
        />
        <AssistantApiPanel modelId={assistantModelId(assistant.slug)} baseUrl={apiBaseUrl(getEnv().APP_URL)} access={apiAccess} />
      </div>
      <AssistantSideActions assistant={assistant} versions={versions} isAdmin={user.role === "admin"} />
    </div>
  );
}
