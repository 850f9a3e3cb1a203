import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser } from "@/lib/auth/session";
import { isSignUpOpen } from "@/lib/auth/sign-up";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const [{ callbackUrl }, user, signupOpen] = await Promise.all([searchParams, getCurrentUser(), isSignUpOpen()]);
  if (user) redirect("/");
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold">Sign in</h1>
      <SignInForm callbackUrl={callbackUrl} signupOpen={signupOpen} />
    </>
  );
}
