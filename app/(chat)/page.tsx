import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";

export default async function HomePage() {
  const user = await requirePageUser();
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4 px-4 py-16">
      <h1 className="text-3xl font-semibold">Welcome{user.name ? `, ${user.name}` : ""}</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        Switchboard runs your organisation&apos;s AI assistants on the models your admins connect.
      </p>
      {user.role === "admin" ? (
        <p className="text-sm">
          You are an admin.{" "}
          <Link href="/admin/users" className="font-medium underline">
            Manage users and sign-up
          </Link>
          .
        </p>
      ) : null}
    </div>
  );
}
