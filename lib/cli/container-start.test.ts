// The image's entrypoint, bundled as the Dockerfile bundles it, run with plain Node from a directory
// laid out like the image's /app (a stand-in server.js): it migrates a fresh database, then starts the
// server in the same process. The real image is proven by deploy/image/test.sh.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleContainerStart } from "./bundle-container-start";
import { containerEnvProblems } from "./container-env";
import { DEFAULT_MIGRATIONS_DIR } from "./schema-engine";

const SERVER_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const dbName = `sb_test_${randomBytes(6).toString("hex")}`;
const databaseUrl = Object.assign(new URL(SERVER_URL), { pathname: `/${dbName}` }).toString();
const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
let appDir = "";

async function admin(sql: string, url = SERVER_URL): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

function runEntrypoint(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    // Only what a container would have: no inherited DATABASE_URL, secrets or DATA_DIR.
    const child = spawn(process.execPath, [path.join(appDir, "start.mjs")], { cwd: "/", env: { PATH: process.env.PATH ?? "", HOSTNAME: "pod-name-123", NODE_ENV: "production", ...env } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, output }));
  });
}

beforeAll(async () => {
  await admin(`CREATE DATABASE "${dbName}"`);
  appDir = await mkdtemp(path.join(tmpdir(), "sb-container-"));
  await bundleContainerStart(path.join(appDir, "start.mjs"));
  await cp(DEFAULT_MIGRATIONS_DIR, path.join(appDir, "prisma", "migrations"), { recursive: true });
  await mkdir(path.join(appDir, "node_modules", "@prisma"), { recursive: true });
  await cp(path.join(REPO_ROOT, "node_modules", "@prisma", "schema-engine-wasm"), path.join(appDir, "node_modules", "@prisma", "schema-engine-wasm"), { recursive: true });
  // Next's standalone server.js stands here: it says where it would listen and exits.
  await writeFile(path.join(appDir, "server.js"), 'console.log(`standalone server on ${process.env.HOSTNAME}:${process.env.PORT}`);\nprocess.exit(0);\n');
}, 120_000);

afterAll(async () => {
  await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  if (appDir) await rm(appDir, { recursive: true, force: true });
});

describe("the container entrypoint", () => {
  const secrets = { AUTH_SECRET: "a".repeat(40), SECRETS_KEY: Buffer.alloc(32, 3).toString("base64") };

  it("refuses to start without a database and shared secrets, naming each", async () => {
    expect(containerEnvProblems({ DATABASE_URL: undefined, AUTH_SECRET: undefined, SECRETS_KEY: undefined })).toHaveLength(3);
    const { code, output } = await runEntrypoint({});
    expect(code).toBe(1);
    expect(output).toContain("DATABASE_URL is required in the container");
    expect(output).toContain("AUTH_SECRET is required in the container");
    expect(output).toContain("SECRETS_KEY is required in the container");
  });

  it("applies the migrations, then runs the standalone server listening on every interface", { timeout: 60_000 }, async () => {
    const { code, output } = await runEntrypoint({ DATABASE_URL: databaseUrl, PORT: "3999", ...secrets });
    expect(output).toMatch(/Applied \d+ migration\(s\) in \d+ ms: \d{14}_init/);
    expect(output).toContain("standalone server on 0.0.0.0:3999");
    expect(code).toBe(0);
    const expected = (await readdir(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true })).filter((entry) => entry.isDirectory()).length;
    const { rows } = await admin("SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL", databaseUrl);
    expect(rows[0]).toEqual({ n: expected });

    const again = await runEntrypoint({ DATABASE_URL: databaseUrl, PORT: "3999", ...secrets });
    expect(again.output).toContain("Database schema is up to date");
    expect(again.code).toBe(0);
  });
});
