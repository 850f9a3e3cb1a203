"use client";
import { useHydrated } from "@/components/ui/use-hydrated";

/** A timestamp in the viewer's locale and time zone (rendered after hydration to avoid a mismatch). */
export function LocalTime({ iso }: { iso: string }) {
  const hydrated = useHydrated();
  const date = new Date(iso);
  return <time dateTime={iso}>{hydrated ? date.toLocaleString() : date.toISOString().replace("T", " ").slice(0, 16) + " UTC"}</time>;
}
