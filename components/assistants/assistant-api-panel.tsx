"use client";
// "Use it through the API": the assistant's model name for OpenAI-compatible clients and ready-made
// snippets (curl, Python, TypeScript) with the base URL filled in and the key left to an environment variable.
import Link from "next/link";
import { useState } from "react";
import { CodeSnippet } from "@/components/ui/code-snippet";
import { CopyButton } from "@/components/ui/copy-button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { API_KEY_VARIABLE, chatSnippets, type ChatSnippets } from "@/lib/api/snippets";
import type { ApiAccessState } from "@/lib/types/api-keys";
import { cn } from "@/lib/utils/cn";

const LANGUAGES: { id: keyof ChatSnippets; label: string }[] = [
  { id: "curl", label: "curl" },
  { id: "python", label: "Python" },
  { id: "typescript", label: "TypeScript" },
];

const ACCESS_OFF: Record<Exclude<ApiAccessState, "on">, string> = {
  instance_off: "The API is turned off on this Switchboard right now.",
  user_off: "Your admin has turned off API access for your account.",
};

type Props = { modelId: string; baseUrl: string; access: ApiAccessState };

export function AssistantApiPanel({ modelId, baseUrl, access }: Props) {
  const hydrated = useHydrated();
  const [language, setLanguage] = useState<keyof ChatSnippets>("curl");
  const snippets = chatSnippets({ baseUrl, model: modelId });
  const current = LANGUAGES.find((item) => item.id === language) ?? LANGUAGES[0]!;

  return (
    <section aria-labelledby="assistant-api-heading" className="flex min-w-0 flex-col gap-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" data-testid="assistant-api-panel">
      <div>
        <h2 id="assistant-api-heading" className="font-medium">
          Use it through the API
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Any OpenAI-compatible client can chat with this assistant: use the model name below, your API key (set it as{" "}
          <code className="text-xs">${API_KEY_VARIABLE}</code>) and the base URL <code className="text-xs break-all">{baseUrl}</code>.{" "}
          <Link href="/account" className="underline">
            Create a key on your account page
          </Link>
          .
        </p>
        {access === "on" ? null : <p className="mt-1 text-sm text-amber-800 dark:text-amber-200">{ACCESS_OFF[access]}</p>}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-medium">Model</span>
        <code className="rounded bg-zinc-100 px-2 py-1 text-sm break-all dark:bg-zinc-800" data-testid="assistant-model-id">
          {modelId}
        </code>
        <CopyButton text={modelId} label="the model name" disabled={!hydrated} />
      </div>
      <div role="group" aria-label="Snippet language" className="flex gap-1">
        {LANGUAGES.map((item) => (
          <button
            key={item.id}
            type="button"
            aria-pressed={item.id === language}
            onClick={() => setLanguage(item.id)}
            disabled={!hydrated}
            className={cn(
              "rounded-md px-2.5 py-1 text-sm focus-visible:outline-2 focus-visible:outline-blue-500",
              item.id === language ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "hover:bg-zinc-100 dark:hover:bg-zinc-800",
            )}
          >
            {item.label}
          </button>
        ))}
      </div>
      <CodeSnippet key={current.id} label={`${current.label} example`} code={snippets[current.id]} testId="assistant-api-snippet" />
    </section>
  );
}
