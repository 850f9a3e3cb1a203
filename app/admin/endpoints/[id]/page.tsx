import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteEndpoint } from "@/components/admin/delete-endpoint";
import { EndpointForm } from "@/components/admin/endpoint-form";
import { EndpointBadges } from "@/components/admin/endpoint-status";
import { ModelsPanel } from "@/components/admin/models-panel";
import { ProbePanel } from "@/components/admin/probe-panel";
import { requirePageAdmin } from "@/lib/auth/session";
import { getEndpointView } from "@/lib/db/endpoints";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/schemas/ids";

export const metadata: Metadata = { title: "Endpoint" };

export default async function EndpointPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageAdmin(`/admin/endpoints/${id}`);
  if (!isUuid(id)) notFound();
  const endpoint = await getEndpointView(id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-8">
      <div className="flex flex-col gap-2">
        <Link href="/admin/endpoints" className="text-sm text-zinc-500 hover:underline">
          ← All endpoints
        </Link>
        <h1 className="text-2xl font-semibold">{endpoint.name}</h1>
        <p className="text-sm text-zinc-500">
          <code data-testid="endpoint-base-url">{endpoint.baseUrl}</code>
        </p>
        <EndpointBadges endpoint={endpoint} />
      </div>
      <ProbePanel endpoint={endpoint} />
      <ModelsPanel endpoint={endpoint} />
      <section aria-labelledby="settings-heading" className="flex flex-col gap-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
        <h2 id="settings-heading" className="font-medium">
          Settings
        </h2>
        <EndpointForm key={endpoint.updatedAt} endpoint={endpoint} />
      </section>
      <DeleteEndpoint id={endpoint.id} name={endpoint.name} />
    </div>
  );
}
