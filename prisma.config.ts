import { defineConfig } from "prisma/config";

// The Prisma CLI is only used for `generate` here (see lib/cli/generate.ts); migrations run through
// the WASM schema engine in lib/db/migrate.ts because the CLI's native engine cannot be downloaded offline.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
