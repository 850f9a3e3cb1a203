// `npm run build:container`: bundles lib/cli/container-start.ts (with the migration runner, pg and zod)
// into one ESM file for the image, next to Next's standalone server. The schema engine's package stays
// a plain node_modules import: its JS glue finds the .wasm file beside itself (Dockerfile copies it).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Packages the bundle loads from node_modules at run time instead of containing them. */
export const CONTAINER_EXTERNALS = ["@prisma/schema-engine-wasm", "pg-native"];

export async function bundleContainerStart(outfile: string): Promise<void> {
  await build({
    entryPoints: [path.join(REPO_ROOT, "lib/cli/container-start.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // "server-only" throws unless resolved for React's server environment, as the npm scripts do.
    conditions: ["react-server"],
    external: CONTAINER_EXTERNALS,
    tsconfig: path.join(REPO_ROOT, "tsconfig.json"),
    // pg and other CommonJS dependencies call require(); an ES module has none of its own.
    banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
    logLevel: "warning",
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outfile = path.resolve(process.argv[2] ?? path.join(REPO_ROOT, ".next/standalone/start.mjs"));
  bundleContainerStart(outfile).then(
    () => console.log(`[switchboard] Bundled the container entrypoint to ${path.relative(process.cwd(), outfile)}`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
