import type { Metadata } from "next";
import Link from "next/link";
import { MakeDefaultButton } from "@/components/admin/make-default-button";
import { requirePageAdmin } from "@/lib/auth/session";
import { countFeedbackByModel } from "@/lib/db/message-feedback";
import { listEnabledModels } from "@/lib/db/models";

export const metadata: Metadata = { title: "Models" };

export default async function ModelsPage() {
  await requirePageAdmin("/admin/models");
  const [models, feedback] = await Promise.all([listEnabledModels(), countFeedbackByModel()]);
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6 px-4 py-8">
      <div>
        <h1 className="text-2xl font-semibold">Enabled models</h1>
        <p className="text-sm text-zinc-500">What people can pick in the chat. The default is used when they have not picked one.</p>
      </div>
      {models.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-500 dark:border-zinc-700">
          No model is enabled. <Link href="/admin/endpoints" className="underline">Open an endpoint</Link> and enable one of its models.
        </p>
      ) : (
        <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {models.map((model) => (
            <li key={model.id} data-testid="enabled-model" data-model={model.name} className="flex flex-wrap items-center gap-3 p-3">
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium">{model.displayName || model.name}</p>
                <p className="truncate text-sm text-zinc-500">
                  <Link href={`/admin/endpoints/${model.endpointId}`} className="hover:underline">
                    {model.endpointName}
                  </Link>{" "}
                  · <code>{model.name}</code>
                  {model.endpointEnabled ? "" : " · endpoint disabled"}
                </p>
              </div>
              {model.toolsOk === false ? <span className="rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900">Tool calls fail</span> : null}
              {model.isDefault ? (
                <span className="rounded bg-blue-100 px-2 py-0.5 text-xs font-medium text-blue-900 dark:bg-blue-950 dark:text-blue-100">Default</span>
              ) : (
                <MakeDefaultButton modelId={model.id} name={model.name} />
              )}
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="feedback-heading" className="flex flex-col gap-2">
        <div>
          <h2 id="feedback-heading" className="text-lg font-semibold">
            Feedback by model
          </h2>
          <p className="text-sm text-zinc-500">Thumbs up and down that people gave answers, by the model that wrote them.</p>
        </div>
        {feedback.length === 0 ? (
          <p className="rounded-lg border border-dashed border-zinc-300 p-4 text-center text-sm text-zinc-500 dark:border-zinc-700">No feedback yet.</p>
        ) : (
          <table className="w-full overflow-hidden rounded-lg border border-zinc-200 text-sm dark:border-zinc-800">
            <thead className="bg-zinc-50 text-left dark:bg-zinc-900">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Model
                </th>
                <th scope="col" className="w-24 px-3 py-2 text-right font-medium">
                  <span aria-hidden>👍</span>
                  <span className="sr-only">Good answers</span>
                </th>
                <th scope="col" className="w-24 px-3 py-2 text-right font-medium">
                  <span aria-hidden>👎</span>
                  <span className="sr-only">Bad answers</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {feedback.map((row) => (
                <tr key={row.modelName ?? ""} data-testid="feedback-row" data-model={row.modelName ?? ""}>
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    {row.modelName ?? <span className="text-zinc-500">Unknown model</span>}
                  </th>
                  <td className="px-3 py-2 text-right tabular-nums" data-testid="feedback-up">
                    {row.up}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums" data-testid="feedback-down">
                    {row.down}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
