import type { Metadata } from "next";
import { EndpointForm } from "@/components/admin/endpoint-form";
import { requirePageAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Add endpoint" };

export default async function NewEndpointPage() {
  await requirePageAdmin("/admin/endpoints/new");
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-8">
      <h1 className="text-2xl font-semibold">Add an endpoint</h1>
      <EndpointForm />
    </div>
  );
}
