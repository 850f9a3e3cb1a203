import Link from "next/link";
import { LinkPasswordForm } from "@/components/auth/link-password-form";
import { Alert } from "@/components/ui/alert";

/** What a one-time link's page shows: its form, or why the link no longer works. */
export function LinkPage({ kind, token, email, expiredMessage }: { kind: "invite" | "reset"; token: string; email: string | null; expiredMessage: string }) {
  if (!email) {
    return (
      <div className="flex flex-col gap-4">
        <Alert>{expiredMessage}</Alert>
        <Link className="text-center text-sm font-medium underline" href="/sign-in">
          Go to sign in
        </Link>
      </div>
    );
  }
  return <LinkPasswordForm kind={kind} token={token} email={email} />;
}
