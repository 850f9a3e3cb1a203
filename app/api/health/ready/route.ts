import { checkReadiness } from "@/lib/health/readiness";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const readiness = await checkReadiness();
  const headers = { "Cache-Control": "no-store" };
  if (readiness.ready) return Response.json({ status: "ready" }, { headers });
  const { reason, message, pending } = readiness;
  return Response.json({ status: "not_ready", reason, message, ...(pending ? { pending } : {}) }, { status: 503, headers });
}
