// Decides whether `npm start` must rebuild: a hash of the size and modification time of every source
// file that goes into `next build`, compared with the one stored beside the last build.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const SOURCE_DIRS = ["app", "components", "lib", "public", "prisma"];
const SOURCE_FILES = ["next.config.ts", "package-lock.json", "package.json", "postcss.config.mjs", "proxy.ts", "tsconfig.json"];
const SKIP = new Set(["node_modules", ".next", ".data", "cli", "generated"]);

function walk(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile()) out.push(full);
  }
}

export function sourceFingerprint(root: string): string {
  const files: string[] = [];
  for (const dir of SOURCE_DIRS) walk(path.join(root, dir), files);
  for (const file of SOURCE_FILES) if (existsSync(path.join(root, file))) files.push(path.join(root, file));
  const hash = createHash("sha256");
  for (const file of files.sort()) {
    const stat = statSync(file);
    hash.update(`${path.relative(root, file)}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest("hex");
}

const stampFile = (root: string) => path.join(root, ".next", "switchboard-build.json");

export function buildIsCurrent(root: string, fingerprint: string): boolean {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) return false;
  try {
    const stamp: unknown = JSON.parse(readFileSync(stampFile(root), "utf8"));
    return typeof stamp === "object" && stamp !== null && "fingerprint" in stamp && stamp.fingerprint === fingerprint;
  } catch {
    return false;
  }
}

export function recordBuild(root: string, fingerprint: string): void {
  writeFileSync(stampFile(root), JSON.stringify({ fingerprint, builtAt: new Date().toISOString() }) + "\n");
}
