"use client";
// The full key, right after it was created: the only time it is ever shown (only its hash is stored).
import { CopyButton } from "@/components/ui/copy-button";
import { Button } from "@/components/ui/button";

export function NewApiKey({ name, apiKey, onDone }: { name: string; apiKey: string; onDone: () => void }) {
  return (
    <div role="status" data-testid="new-api-key" className="flex flex-col gap-2 rounded-lg border border-green-300 bg-green-50 p-3 dark:border-green-900 dark:bg-green-950">
      <p className="text-sm font-medium">Your new key “{name}”</p>
      <div className="flex items-center gap-2">
        <label htmlFor="new-api-key-value" className="sr-only">
          New API key
        </label>
        <input
          id="new-api-key-value"
          readOnly
          value={apiKey}
          onFocus={(event) => event.currentTarget.select()}
          spellCheck={false}
          className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2 py-1.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
        />
        <CopyButton text={apiKey} label="the new API key" />
      </div>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Copy it now and keep it somewhere safe: it won&apos;t be shown again. If you lose it, revoke it and create a new one.
      </p>
      <Button variant="secondary" className="self-start" onClick={onDone}>
        Done
      </Button>
    </div>
  );
}
