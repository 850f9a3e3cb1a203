import "server-only";
// The migrations this build of the app expects: the directory names under prisma/migrations. Read at
// run time, because the same directory is what the start-up migration applies: `next start` runs from
// the repository, and the image copies prisma/migrations next to the standalone server (whose
// server.js changes into its own directory), so `process.cwd()/prisma/migrations` is right in both.
import { readdir } from "node:fs/promises";
import path from "node:path";

export function defaultMigrationsDir(): string {
  return path.join(process.cwd(), "prisma", "migrations");
}

const cache = new Map<string, Promise<string[]>>();

/** Sorted directory names (a migration is a directory); cached per directory for the process's life. */
export function expectedMigrations(dir: string = defaultMigrationsDir()): Promise<string[]> {
  let names = cache.get(dir);
  if (!names) {
    // Not traced by the bundler (it would copy the whole project into the standalone output): the
    // image copies prisma/migrations itself.
    names = readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true }).then((entries) =>
      entries
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort(),
    );
    // A failed read is tried again on the next probe, not remembered.
    names.catch(() => cache.delete(dir));
    cache.set(dir, names);
  }
  return names;
}
