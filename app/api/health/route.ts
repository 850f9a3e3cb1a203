import { checkDatabase } from "@/lib/db/health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const database = await checkDatabase();
  if (database.ok) return Response.json({ status: "ok", database: "ok" });
  return Response.json({ status: "error", database: "error", reason: database.reason }, { status: 503 });
}
