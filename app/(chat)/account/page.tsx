import type { Metadata } from "next";
import { ApiKeysSection } from "@/components/account/api-keys-section";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { apiAccessOf, listAccountApiKeys } from "@/lib/api/account-keys";
import { apiBaseUrl } from "@/lib/api/snippets";
import { requirePageUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requirePageUser("/account");
  const [keys, access] = await Promise.all([listAccountApiKeys(user.id), apiAccessOf(user.id)]);
  return (
    <div className="mx-auto flex w-full max-w-2xl flex-col gap-6 px-4 py-8">
      <div>
        <h1 className="text-2xl font-semibold">Account</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Signed in as <span className="font-medium">{user.email}</span>
        </p>
      </div>
      <section className="flex flex-col gap-3" aria-labelledby="password-heading">
        <h2 id="password-heading" className="font-medium">
          Password
        </h2>
        <ChangePasswordForm />
      </section>
      <section className="flex flex-col gap-3" aria-labelledby="api-keys-heading">
        <h2 id="api-keys-heading" className="font-medium">
          API keys
        </h2>
        <ApiKeysSection initialKeys={keys} access={access} baseUrl={apiBaseUrl(getEnv().APP_URL)} />
      </section>
    </div>
  );
}
