import type { Metadata } from "next";
import { PrivateHostsForm } from "@/components/admin/private-hosts-form";
import { requirePageAdmin } from "@/lib/auth/session";
import { getSetting } from "@/lib/db/settings";

export const metadata: Metadata = { title: "Settings" };

export default async function AdminSettingsPage() {
  await requirePageAdmin("/admin/settings");
  const hosts = await getSetting("actionPrivateHosts");
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-8">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <PrivateHostsForm initialHosts={hosts} />
    </div>
  );
}
