// For the deploy tests: rendered manifests as plain objects, and small readers over them. Parsed
// loosely (Kubernetes objects are large); each reader throws with the path it could not find.
import { execFileSync } from "node:child_process";
import { parseAllDocuments } from "yaml";

export type Manifest = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> } } & Record<string, unknown>;

/** Runs a command; a missing program is a failure that says what to install, never a skip. */
export function runTool(program: string, args: string[], install: string, cwd?: string): string {
  try {
    return execFileSync(program, args, { encoding: "utf8", cwd, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") {
      throw new Error(`${program} is not installed, and this test needs it: ${install}`);
    }
    const stderr = error instanceof Error && "stderr" in error ? String(error.stderr) : "";
    throw new Error(`${program} ${args.join(" ")} failed: ${stderr || String(error)}`);
  }
}

export function parseManifests(text: string): Manifest[] {
  return parseAllDocuments(text)
    .map((document) => {
      if (document.errors.length > 0) throw new Error(`invalid YAML: ${document.errors[0]?.message}`);
      return document.toJS() as unknown;
    })
    .filter((value): value is Manifest => typeof value === "object" && value !== null && "kind" in value);
}

/** Reads a dotted path ("spec.template.spec"), numbers index arrays. */
export function at(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split(".")) {
    if (Array.isArray(current) && /^\d+$/.test(key)) current = current[Number(key)];
    else if (typeof current === "object" && current !== null && key in current) current = (current as Record<string, unknown>)[key];
    else throw new Error(`no ${path} (stopped at ${key}) in ${JSON.stringify(value).slice(0, 300)}`);
  }
  return current;
}

export function list(value: unknown, path: string): Record<string, unknown>[] {
  const found = at(value, path);
  if (!Array.isArray(found)) throw new Error(`${path} is not a list`);
  return found as Record<string, unknown>[];
}

export function find(manifests: Manifest[], kind: string, name: string): Manifest {
  const found = manifests.find((manifest) => manifest.kind === kind && manifest.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} among: ${manifests.map((manifest) => `${manifest.kind}/${manifest.metadata.name}`).join(", ")}`);
  return found;
}

export function named(items: Record<string, unknown>[], name: string): Record<string, unknown> {
  const found = items.find((item) => item.name === name);
  if (!found) throw new Error(`no item named ${name} among ${items.map((item) => String(item.name)).join(", ")}`);
  return found;
}
