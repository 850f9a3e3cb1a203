import type { Metadata } from "next";
import Link from "next/link";
import { EndpointsList } from "@/components/admin/endpoints-list";
import { endpointsDueForRecheck } from "@/lib/ai/endpoint-checks";
import { requirePageAdmin } from "@/lib/auth/session";
import { listEndpointViews } from "@/lib/db/endpoints";

export const metadata: Metadata = { title: "Endpoints" };

export default async function EndpointsPage() {
  await requirePageAdmin("/admin/endpoints");
  const endpoints = await listEndpointViews();
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6 px-4 py-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Model endpoints</h1>
          <p className="text-sm text-zinc-500">Changes apply to the next message, with no restart.</p>
        </div>
        <Link href="/admin/endpoints/new" className="rounded-md bg-zinc-900 px-3 py-2 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900">
          Add endpoint
        </Link>
      </div>
      <EndpointsList initial={endpoints} recheck={endpointsDueForRecheck(endpoints)} />
    </div>
  );
}
