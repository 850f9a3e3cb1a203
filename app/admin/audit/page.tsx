import type { Metadata } from "next";
import { LocalTime } from "@/components/admin/time";
import { requirePageAdmin } from "@/lib/auth/session";
import { listAudit } from "@/lib/db/audit";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  await requirePageAdmin("/admin/audit");
  const { entries } = await listAudit({ limit: 200 });
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6 px-4 py-8">
      <div>
        <h1 className="text-2xl font-semibold">Audit log</h1>
        <p className="text-sm text-zinc-500">Every change to endpoints, models and instance settings, newest first. Secret values are never recorded.</p>
      </div>
      {entries.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-500 dark:border-zinc-700">Nothing has changed yet.</p>
      ) : (
        <ol className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {entries.map((entry) => (
            <li key={entry.id} data-testid="audit-entry" data-action={entry.action} className="flex flex-col gap-0.5 p-3 text-sm">
              <span>{entry.summary}</span>
              <span className="text-xs text-zinc-500">
                {entry.actorEmail} · <LocalTime iso={entry.createdAt.toISOString()} /> · <code>{entry.action}</code>
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
