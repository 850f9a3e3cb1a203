"use client";
// The account page's "API keys": create a key (shown in full once), the list with Revoke, and how to
// call the API. When the admin turned the API off (for everyone or for this user) it says so and
// offers no new key; existing keys can still be revoked.
import { useState } from "react";
import { ApiKeyList } from "@/components/account/api-key-list";
import { CreateApiKeyForm } from "@/components/account/create-api-key-form";
import { NewApiKey } from "@/components/account/new-api-key";
import { Alert } from "@/components/ui/alert";
import { CodeSnippet } from "@/components/ui/code-snippet";
import { listModelsCurl } from "@/lib/api/snippets";
import type { AccountApiKeyView, ApiAccessState } from "@/lib/types/api-keys";

const ACCESS_OFF: Record<Exclude<ApiAccessState, "on">, string> = {
  instance_off: "The API is turned off on this Switchboard: your keys don't work and you can't create new ones. Ask your admin if you need it.",
  user_off: "Your admin has turned off API access for your account: your keys don't work and you can't create new ones.",
};

type Props = { initialKeys: AccountApiKeyView[]; access: ApiAccessState; baseUrl: string };

export function ApiKeysSection({ initialKeys, access, baseUrl }: Props) {
  const [keys, setKeys] = useState(initialKeys);
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Use Switchboard&apos;s models and assistants from scripts and tools that speak the OpenAI API. A key acts as you: keep it secret.
      </p>
      {access === "on" ? null : (
        <Alert tone="info">
          <span data-testid="api-access-notice">{ACCESS_OFF[access]}</span>
        </Alert>
      )}
      {created ? <NewApiKey name={created.name} apiKey={created.key} onDone={() => setCreated(null)} /> : null}
      {access === "on" ? (
        <CreateApiKeyForm
          onCreated={({ key, apiKey }) => {
            setKeys((current) => [apiKey, ...current]);
            setCreated({ key, name: apiKey.name });
          }}
        />
      ) : null}
      <ApiKeyList
        keys={keys}
        onRevoked={(id) => {
          const now = new Date().toISOString();
          setKeys((current) => current.map((key) => (key.id === id ? { ...key, revokedAt: now } : key)));
        }}
      />
      <div className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
        <h3 className="text-sm font-medium">Calling the API</h3>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Point any OpenAI-compatible client at the base URL below and give it your key. Each assistant&apos;s edit page shows its model name and examples.
        </p>
        <CodeSnippet label="Base URL" code={baseUrl} testId="api-base-url" />
        <CodeSnippet label="Try it: list the models your key can use" code={listModelsCurl(baseUrl)} />
      </div>
    </div>
  );
}
