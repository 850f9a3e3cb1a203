import type { Metadata } from "next";
import { LinkPage } from "@/components/auth/link-page";
import { LINK_TOKEN_PATTERN } from "@/lib/auth/link-token";
import { findUsableLink } from "@/lib/db/account-links";

export const metadata: Metadata = { title: "Accept invite", referrer: "no-referrer" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = LINK_TOKEN_PATTERN.test(token) ? await findUsableLink(token, "invite") : null;
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold">You are invited</h1>
      <LinkPage kind="invite" token={token} email={link?.email ?? null} expiredMessage="This invite link has expired or was already used. Ask an admin for a new one." />
    </>
  );
}
