"use client";
// A block of code to copy: scrolls sideways on a narrow screen instead of widening the page.
import { CopyButton } from "@/components/ui/copy-button";
import { useHydrated } from "@/components/ui/use-hydrated";

export function CodeSnippet({ code, label, testId }: { code: string; label: string; testId?: string }) {
  const hydrated = useHydrated();
  return (
    <figure className="flex min-w-0 flex-col gap-1" data-testid={testId}>
      <figcaption className="flex items-center justify-between gap-2 text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {label}
        <CopyButton text={code} label={label} disabled={!hydrated} />
      </figcaption>
      <pre
        tabIndex={0}
        aria-label={label}
        className="overflow-x-auto rounded-md border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs leading-relaxed dark:border-zinc-800 dark:bg-zinc-950"
      >
        <code>{code}</code>
      </pre>
    </figure>
  );
}
