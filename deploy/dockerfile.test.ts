// The Dockerfile, read as text (building it takes minutes and a container tool: deploy/image/test.sh
// does that): the properties the deployment relies on, and that the build really gets a standalone
// output from next.config.ts.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const dockerfile = readFileSync(path.join(ROOT, "Dockerfile"), "utf8");
const stages = dockerfile.split(/^FROM /m).slice(1);
const runtime = stages.at(-1) ?? "";

function nextOutput(env: Record<string, string>): unknown {
  const script = 'const config = (await import("./next.config.ts")).default; console.log(JSON.stringify(config.output ?? null));';
  const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: ROOT,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", ...env },
  });
  return JSON.parse(out.trim().split("\n").at(-1) ?? "null");
}

describe("the Dockerfile", () => {
  it("takes its base image as a build argument, node:24-bookworm-slim by default, for every stage", () => {
    expect(dockerfile).toMatch(/^ARG BASE_IMAGE=node:24-bookworm-slim$/m);
    expect(stages.map((stage) => stage.split("\n")[0])).toEqual(["${BASE_IMAGE} AS deps", "deps AS build", "${BASE_IMAGE} AS runtime"]);
  });

  it("builds Next's standalone output, which next.config.ts produces only when asked", () => {
    expect(dockerfile).toMatch(/^ENV NEXT_OUTPUT_STANDALONE=1$/m);
    expect(nextOutput({ NEXT_OUTPUT_STANDALONE: "1" })).toBe("standalone");
    expect(nextOutput({})).toBeNull();
  });

  it("ships the standalone server, static files, migrations, the migration engine and the bundled entrypoint", () => {
    for (const copied of [".next/standalone ./", ".next/static ./.next/static", "public ./public", "prisma/migrations ./prisma/migrations", "@prisma/schema-engine-wasm ./node_modules/@prisma/schema-engine-wasm"]) {
      expect(runtime).toContain(copied);
    }
    expect(dockerfile).toContain("npm run build:container -- .next/standalone/start.mjs");
    expect(runtime).toMatch(/^ENTRYPOINT \["node", "start\.mjs"\]$/m);
  });

  it("runs as a numeric non-root user, with a HEALTHCHECK on the liveness endpoint that needs nothing but node", () => {
    const user = /^USER (\d+):(\d+)$/m.exec(runtime);
    expect(Number(user?.[1])).toBeGreaterThan(0);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n\s+CMD \["node", "-e", ".*\/api\/health\/live.*"\]$/m);
    expect(runtime).toMatch(/^EXPOSE 3000$/m);
  });

  it("keeps local installs, builds, data and secrets out of the build context", () => {
    const ignored = readFileSync(path.join(ROOT, ".dockerignore"), "utf8").split("\n");
    for (const entry of ["node_modules", ".next", ".data", ".env", ".env.*", "lib/generated", ".git"]) expect(ignored).toContain(entry);
  });
});
