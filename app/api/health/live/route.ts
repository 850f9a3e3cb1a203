// Liveness: the process serves HTTP. Deliberately no database call: a database outage must not get
// every instance restarted (readiness takes them out of the load balancer instead).
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
