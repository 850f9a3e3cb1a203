import type { Metadata } from "next";
import { SignupToggle } from "@/components/admin/signup-toggle";
import { UserInviteForm } from "@/components/admin/user-invite-form";
import { UsersTable } from "@/components/admin/users-table";
import { requirePageAdmin } from "@/lib/auth/session";
import { getSetting } from "@/lib/db/settings";
import { listUsers } from "@/lib/db/users";
import { cleanSearchText } from "@/lib/schemas/storable-text";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const admin = await requirePageAdmin();
  const { q } = await searchParams;
  const query = typeof q === "string" ? cleanSearchText(q).slice(0, 200) : "";
  const [page, signupOpen] = await Promise.all([listUsers({ query }), getSetting("signupOpen")]);
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6 px-4 py-8">
      <h1 className="text-2xl font-semibold">Users</h1>
      <SignupToggle initialOpen={signupOpen} />
      <UserInviteForm />
      <UsersTable
        key={query}
        currentUserId={admin.id}
        query={query}
        initialUsers={page.users.map((user) => ({
          id: user.id,
          email: user.email,
          name: user.name,
          role: user.role,
          disabled: user.disabledAt !== null,
          apiAccess: user.apiAccess,
          createdAt: user.createdAt.toISOString(),
        }))}
        initialCursor={page.nextCursor}
      />
    </div>
  );
}
