"use client";
// Small status badges for an endpoint: enabled, probe verdict, and whether its model list is stale.
import { LocalTime } from "@/components/admin/time";
import type { EndpointView } from "@/lib/types/endpoints";

const badge = "inline-flex items-center gap-1 rounded px-2 py-0.5 text-xs font-medium";

export function EndpointBadges({ endpoint }: { endpoint: EndpointView }) {
  const tools = endpoint.probe?.checks.find((check) => check.id === "tools");
  const failed = endpoint.probe?.checks.filter((check) => !check.ok && !check.skipped) ?? [];
  return (
    <span className="flex flex-wrap gap-1">
      {endpoint.enabled ? null : <span className={`${badge} bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300`}>Disabled</span>}
      {endpoint.probe ? (
        failed.length === 0 ? (
          <span className={`${badge} bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-200`}>All checks passed</span>
        ) : (
          <span className={`${badge} bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200`}>{failed.length} check(s) failed</span>
        )
      ) : (
        <span className={`${badge} bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300`}>Not tested</span>
      )}
      {tools && !tools.ok && !tools.skipped ? (
        <span className={`${badge} bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200`}>Tool calls fail</span>
      ) : null}
      <StaleBadge endpoint={endpoint} />
    </span>
  );
}

export function StaleBadge({ endpoint }: { endpoint: EndpointView }) {
  if (!endpoint.modelsError) return null;
  // The server was reached and turned the key down: "Never reached" would send the admin the wrong way.
  const keyRefused = endpoint.modelsErrorStatus === 401 || endpoint.modelsErrorStatus === 403;
  return (
    <span className={`${badge} bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200`} data-testid="stale-badge" title={endpoint.modelsError}>
      {keyRefused ? (
        "Key refused"
      ) : endpoint.modelsFetchedAt ? (
        <>
          Stale since <LocalTime iso={endpoint.modelsFetchedAt} />
        </>
      ) : (
        "Never reached"
      )}
    </span>
  );
}
