import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Alert } from "@/components/ui/alert";
import { getCurrentUser } from "@/lib/auth/session";
import { isSignUpOpen } from "@/lib/auth/sign-up";
import { hasAnyUser } from "@/lib/db/users";

export const metadata: Metadata = { title: "Create account" };

export default async function SignUpPage() {
  const [user, signupOpen, anyUser] = await Promise.all([getCurrentUser(), isSignUpOpen(), hasAnyUser()]);
  if (user) redirect("/");
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold">Create your account</h1>
      {signupOpen ? (
        <SignUpForm firstAccount={!anyUser} />
      ) : (
        <div className="flex flex-col gap-4">
          <Alert tone="info">Sign-up is closed on this Switchboard. Ask an admin for an account.</Alert>
          <Link className="text-center text-sm font-medium underline" href="/sign-in">
            Back to sign in
          </Link>
        </div>
      )}
    </>
  );
}
