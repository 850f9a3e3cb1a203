import type { Metadata } from "next";
import { ApiKeysTable } from "@/components/admin/api-keys-table";
import { ApiToggle } from "@/components/admin/api-toggle";
import { requirePageAdmin } from "@/lib/auth/session";
import { listAllApiKeys } from "@/lib/db/api-keys";
import { getSetting } from "@/lib/db/settings";

export const metadata: Metadata = { title: "API keys" };

/** The newest keys first; past this many the page says so. */
const LIMIT = 500;

export default async function AdminApiKeysPage() {
  await requirePageAdmin("/admin/api-keys");
  const [keys, apiEnabled] = await Promise.all([listAllApiKeys({ limit: LIMIT }), getSetting("apiEnabled")]);
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6 px-4 py-8">
      <div>
        <h1 className="text-2xl font-semibold">API keys</h1>
        <p className="text-sm text-zinc-500">Personal keys people use to call Switchboard&apos;s OpenAI-compatible API. Turn access off for one person on the Users page.</p>
      </div>
      <ApiToggle initialEnabled={apiEnabled} />
      <ApiKeysTable initialKeys={keys} />
      {keys.length === LIMIT ? <p className="text-sm text-zinc-500">Showing the {LIMIT} newest keys.</p> : null}
    </div>
  );
}
