import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold">You don&apos;t have access to this page</h1>
      <p className="text-zinc-600 dark:text-zinc-400">This part of Switchboard is for admins. Ask an admin if you need access.</p>
      <Link href="/" className="font-medium underline">
        Back to Switchboard
      </Link>
    </main>
  );
}
