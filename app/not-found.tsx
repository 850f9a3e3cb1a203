import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-zinc-600 dark:text-zinc-400">This page doesn&apos;t exist, or you don&apos;t have access to it.</p>
      <Link href="/" className="font-medium underline">
        Back to Switchboard
      </Link>
    </main>
  );
}
