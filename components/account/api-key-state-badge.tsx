import { apiKeyState } from "@/lib/api/key-state";
import type { ApiKeyView } from "@/lib/types/api-keys";
import { cn } from "@/lib/utils/cn";

const STYLE = {
  active: "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-200",
  expired: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100",
  revoked: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
} as const;

const LABEL = { active: "Active", expired: "Expired", revoked: "Revoked" } as const;

/** Active, expired or revoked, as the API would treat the key now. */
export function ApiKeyStateBadge({ apiKey }: { apiKey: Pick<ApiKeyView, "expiresAt" | "revokedAt"> }) {
  const state = apiKeyState(apiKey);
  return (
    <span data-testid="api-key-state" className={cn("rounded px-2 py-0.5 text-xs", STYLE[state])}>
      {LABEL[state]}
    </span>
  );
}
