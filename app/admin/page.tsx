import { redirect } from "next/navigation";
import { requirePageAdmin } from "@/lib/auth/session";

export default async function AdminIndex() {
  await requirePageAdmin();
  redirect("/admin/endpoints");
}
