import { getEnv } from "@/lib/env";
import { AppError, toResponse } from "@/lib/errors";
import { checkMetricsAccess } from "@/lib/metrics/access";
import { renderMetrics } from "@/lib/metrics/registry";

export const dynamic = "force-dynamic";

/** Prometheus metrics of this instance; `Authorization: Bearer $METRICS_TOKEN`, 404 when no token is set. */
export async function GET(req: Request): Promise<Response> {
  const access = checkMetricsAccess(req.headers.get("authorization"), getEnv().METRICS_TOKEN);
  if (access === "disabled") return toResponse(new AppError("not_found", "Not found."));
  if (access === "denied") {
    return toResponse(new AppError("unauthorized", "Send the metrics token as `Authorization: Bearer <METRICS_TOKEN>`.", { headers: { "WWW-Authenticate": 'Bearer realm="metrics"' } }));
  }
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
}
