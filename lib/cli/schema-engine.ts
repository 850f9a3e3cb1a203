import "server-only";

// Prisma 7's CLI wants to download a native schema-engine binary for `migrate`, and that CDN is not
// reachable from where this app is built and run. The same engine ships as WebAssembly
// (@prisma/schema-engine-wasm, the exact build prisma 7.10 pins), so migrations run in-process through
// it, talking to PostgreSQL through the same driver adapter the app uses at runtime.

import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  DriverAdapterError,
  type ErrorRegistry,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import type { DiffTarget, MigrationDirectory, MigrationList, SchemaFilter } from "@prisma/schema-engine-wasm";
import * as wasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

type SchemaEngine = wasmBindings.SchemaEngine;

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** `<repo>/prisma/migrations`, located from this file so callers work from any cwd. */
export const DEFAULT_MIGRATIONS_DIR = path.join(REPO_ROOT, "prisma", "migrations");

const MIGRATION_FILE = "migration.sql";
const LOCKFILE = "migration_lock.toml";

// No table or enum lives outside Prisma's schema, so none is excluded from diffs. (Some indexes and
// the generated "searchVector" column are written by hand in migrations; diffs are schema to schema,
// so they never see, drop or repeat them.)
const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };

// ---------------------------------------------------------------------------------------------------
// Loading the WebAssembly module

/** The wasm-bindgen glue calls `PRISMA_WASM_PANIC_REGISTRY.set_message` right before a Rust panic. */
interface WasmPanicRegistry {
  get(): string;
  set_message(message: string): void;
}

// Same shape as the registry prisma's own CLI installs, so whichever Prisma wasm module (this engine or
// the client's query compiler) loads first, the other finds a compatible one.
class PanicRegistry implements WasmPanicRegistry {
  private message = "";
  get(): string {
    return this.message;
  }
  set_message(message: string): void {
    this.message = `RuntimeError: ${message}`;
  }
}

// Deliberately not a `declare global`: the generated Prisma client may declare the same global with its
// own type, and two declarations of one `var` with different types do not compile.
const globals = globalThis as typeof globalThis & { PRISMA_WASM_PANIC_REGISTRY?: WasmPanicRegistry };

function panicMessage(): string | undefined {
  const message = globals.PRISMA_WASM_PANIC_REGISTRY?.get();
  return message ? message : undefined;
}

/**
 * The glue's exports, as the wasm module's imports, with one change: the engine arms a 10 s timer
 * (its lock/connection timeout) on every command and, having no clearTimeout import, never cancels
 * it, so every caller's process would linger 10 s after its last command. Unref'd timers still fire
 * while anything else is alive; during a command that is the pg connection the engine is waiting on.
 */
function glueImports(): WebAssembly.ModuleImports {
  const imports: WebAssembly.ModuleImports = { ...wasmBindings };
  for (const name of Object.keys(imports)) {
    if (!name.startsWith("__wbg_setTimeout_")) continue;
    imports[name] = (callback: () => void, ms: number) => {
      const timer = setTimeout(callback, ms >>> 0);
      timer.unref();
      return timer;
    };
  }
  return imports;
}

let engineClass: Promise<typeof wasmBindings.SchemaEngine> | undefined;

/**
 * Instantiates the WebAssembly module once per process. wasm-bindgen keeps the instance in module-level
 * state of its JS glue, and prisma notes that instantiating it a second time breaks it, so it is cached
 * even across failures of individual engine commands.
 */
function loadEngineClass(): Promise<typeof wasmBindings.SchemaEngine> {
  engineClass ??= (async () => {
    globals.PRISMA_WASM_PANIC_REGISTRY ??= new PanicRegistry();
    // The package's main entry does `import * from "./schema_engine_bg.wasm"`, which plain Node cannot
    // load; so, like prisma's CLI, import only the JS glue and instantiate the .wasm next to it.
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glueImports() });
    wasmBindings.__wbg_set_wasm(instance.exports);
    const start = instance.exports["__wbindgen_start"];
    if (typeof start !== "function") throw new Error("schema engine wasm: __wbindgen_start export missing");
    start();
    return wasmBindings.SchemaEngine;
  })();
  return engineClass;
}

// ---------------------------------------------------------------------------------------------------
// Running engine commands

// Engine instances share one wasm memory; running one command at a time keeps their interleaving
// (and their log lines) out of the picture. Migrations are rare, so the lost parallelism is irrelevant.
let queue: Promise<unknown> = Promise.resolve();

function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/** Set DEBUG=schema-engine to see the engine's own tracing (JSON lines) on stderr. */
function engineLog(line: string): void {
  if (process.env.DEBUG?.includes("schema-engine")) process.stderr.write(`[schema-engine] ${line}\n`);
}

/**
 * Turns what the engine rejects with into an Error with a useful message. Errors thrown by the driver
 * adapter come back as "External error id#N" and have to be fetched from the adapter's registry;
 * user-facing engine errors are plain `{ code, message }` objects; panics are wasm RuntimeErrors whose
 * text went to the panic registry.
 */
function toError(command: string, thrown: unknown, registry: ErrorRegistry): Error {
  if (thrown instanceof WebAssembly.RuntimeError) {
    return new Error(`schema engine panicked during ${command}: ${panicMessage() ?? thrown.message}`, {
      cause: thrown,
    });
  }
  if (thrown instanceof Error) {
    const external = /External error id#(\d+)/.exec(thrown.message);
    if (external?.[1] !== undefined) {
      const original = registry.consumeError(Number(external[1]))?.error;
      if (original instanceof Error) return original;
      if (original !== undefined) return new Error(`${command}: ${String(original)}`, { cause: original });
    }
    return thrown;
  }
  if (typeof thrown === "object" && thrown !== null && "message" in thrown) {
    const { message } = thrown;
    const code = "code" in thrown && typeof thrown.code === "string" ? `${thrown.code}: ` : "";
    return new Error(`${command} failed: ${code}${String(message)}`, { cause: thrown });
  }
  return new Error(`${command} failed: ${String(thrown)}`, { cause: thrown });
}

/**
 * Creates an engine over `adapterFactory`, runs `command` on it and frees it. The engine connects (and
 * queries the server version) as part of construction, so construction errors go through the same
 * error translation.
 */
async function withEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  command: string,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const Engine = await loadEngineClass();
  return serialized(async () => {
    const bound = bindMigrationAwareSqlAdapterFactory(adapterFactory);
    let engine: SchemaEngine | undefined;
    try {
      engine = await Engine.new({ datamodels: undefined }, engineLog, bound);
      return await run(engine);
    } catch (thrown) {
      throw toError(command, thrown, bound.errorRegistry);
    } finally {
      engine?.free();
    }
  });
}

// ---------------------------------------------------------------------------------------------------
// migrate deploy

async function listMigrations(migrationsDir: string): Promise<MigrationList> {
  const lockfileContent = await readFile(path.join(migrationsDir, LOCKFILE), "utf8").catch(() => null);
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch((error: unknown) => {
    // A project without migrations yet has nothing to apply; anything else (permissions, ...) is real.
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return [];
    throw error;
  });
  const migrationDirectories: MigrationDirectory[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const content = await readFile(path.join(migrationsDir, entry.name, MIGRATION_FILE), "utf8").then(
      (value) => ({ tag: "ok" as const, value }),
      (error: unknown) => ({ tag: "error" as const, value: String(error) }),
    );
    // The engine records and compares migrations by directory name, so it wants names, not paths.
    migrationDirectories.push({ path: entry.name, migrationFile: { path: MIGRATION_FILE, content } });
  }
  // Names start with a UTC timestamp; plain code-unit order is chronological order.
  migrationDirectories.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    baseDir: migrationsDir,
    lockfile: { path: LOCKFILE, content: lockfileContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/**
 * PrismaPg, except for executeScript, which the engine uses to run each migration.sql. PrismaPg's
 * splits the script at every ";" and runs the pieces one by one, so a ";" inside a string, a comment
 * or a function body breaks the migration, and a failure halfway leaves the first half applied. Sent
 * whole instead, PostgreSQL runs the script as one implicit transaction, which is what the native
 * engine behind `prisma migrate deploy` does (and why CREATE INDEX CONCURRENTLY needs a migration of
 * its own there too).
 */
function migrationAdapterFactory(pool: pg.Pool): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaPg(pool);
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => withWholeScripts(await inner.connect(), pool),
    connectToShadowDb: () => inner.connectToShadowDb(),
  };
}

function withWholeScripts(adapter: SqlDriverAdapter, pool: pg.Pool): SqlDriverAdapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: (query) => adapter.executeRaw(query),
    startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
    async executeScript(script) {
      try {
        // No parameters: node-postgres uses the simple query protocol, which accepts many statements.
        await pool.query(script);
      } catch (error) {
        // In the adapter's own error shape, the engine reports (and records in _prisma_migrations)
        // PostgreSQL's message instead of an opaque "external error".
        if (!(error instanceof pg.DatabaseError)) throw error;
        throw new DriverAdapterError({
          kind: "postgres",
          code: error.code ?? "N/A",
          severity: error.severity ?? "N/A",
          message: error.message,
          detail: error.detail,
          column: error.column,
          hint: error.hint,
        });
      }
    },
  };
}

/**
 * The app's own migration lock (a session advisory lock, one-key form; the two-key locks of
 * lib/chat/runner.ts live in another key space). Several replicas start at once and all migrate: the
 * engine serializes them with pg_advisory_lock(72707369) but gives up after 10 s, so a replica
 * waiting behind a longer migration would fail its start. Waiting here first, with a generous
 * timeout, means the engine's own lock is always free by the time it asks for it.
 */
export const MIGRATION_LOCK_KEY = 774_200;
const MIGRATION_LOCK_TIMEOUT_MS = 5 * 60_000;

async function withMigrationLock<T>(databaseUrl: string, timeoutMs: number, run: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // lock_timeout bounds advisory lock waits too: a replica stuck mid-migration fails the others
    // with this message instead of hanging them.
    await client.query(`SET lock_timeout = ${Math.max(1, Math.round(timeoutMs))}`);
    try {
      await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    } catch (error) {
      if (error instanceof pg.DatabaseError && error.code === "55P03") {
        const waited = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;
        throw new Error(`Another instance has been migrating this database for over ${waited}; giving up.`, { cause: error });
      }
      throw error;
    }
    return await run();
  } finally {
    // Ending the session releases the lock, even when unlocking is never reached.
    await client.end().catch(() => {});
  }
}

/**
 * Applies every migration in `migrationsDir` that the database has not recorded yet, like
 * `prisma migrate deploy`: same `_prisma_migrations` bookkeeping, same checksums, so the two are
 * interchangeable. Safe to run repeatedly; a run with nothing to do applies nothing. Instances that
 * start together take turns (withMigrationLock): the first applies, the others find nothing to do.
 */
export async function applyMigrations(
  databaseUrl: string,
  migrationsDir: string = DEFAULT_MIGRATIONS_DIR,
  options: { lockTimeoutMs?: number } = {},
): Promise<{ applied: string[] }> {
  return withMigrationLock(databaseUrl, options.lockTimeoutMs ?? MIGRATION_LOCK_TIMEOUT_MS, () => applyUnlocked(databaseUrl, migrationsDir));
}

async function applyUnlocked(databaseUrl: string, migrationsDir: string): Promise<{ applied: string[] }> {
  const migrationsList = await listMigrations(path.resolve(migrationsDir));
  // An app-owned pool, so it can be closed here: the adapter only ends pools it created itself, and
  // the engine never disposes the adapter it was given.
  // One connection that is never recycled: the engine serializes concurrent deploys with a session
  // advisory lock it takes once and never releases (closing the session does), so the session that
  // holds it must be the one doing the work and must live until the end. The engine issues every
  // query through the pool and opens no transactions here, so one connection cannot deadlock.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1, idleTimeoutMillis: 0 });
  try {
    const output = await withEngine(migrationAdapterFactory(pool), "applyMigrations", (engine) =>
      engine.applyMigrations({ migrationsList, filters: NO_FILTER }),
    );
    return { applied: output.appliedMigrationNames };
  } finally {
    await pool.end();
  }
}

// ---------------------------------------------------------------------------------------------------
// migrate diff (schema to schema, no database)

// What "an empty database" means to diffSchemas. The engine's own `empty` target also lacks the
// `public` schema, so diffing from it starts with `CREATE SCHEMA IF NOT EXISTS "public"`, which needs
// CREATE on the database even though the schema exists on any real server. A datasource-only schema
// has `public` and nothing else, which is what `prisma migrate dev` compares a first migration against.
const EMPTY_POSTGRES_SCHEMA = 'datasource db {\n  provider = "postgresql"\n}\n';

// The engine insists on a connection when it is constructed and asks the server for its version;
// diffing two schema files needs nothing else. Answering that one probe locally keeps diffSchemas
// usable with no database at all; any other query means the engine changed and fails loudly instead
// of silently doing something to a database.
const OFFLINE_SERVER_VERSION = { text: "PostgreSQL 15.0 (offline diff)", num: 150000 };

class OfflineAdapter implements SqlDriverAdapter {
  readonly provider = "postgres";
  readonly adapterName = "switchboard-offline";

  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    if (/\bversion\(\)/.test(query.sql) && /server_version_num/.test(query.sql)) {
      return {
        columnNames: ["exists", "version", "numeric_version"],
        columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
        rows: [[true, OFFLINE_SERVER_VERSION.text, OFFLINE_SERVER_VERSION.num]],
      };
    }
    return this.refuse(query.sql);
  }
  executeRaw(query: SqlQuery): Promise<number> {
    return this.refuse(query.sql);
  }
  executeScript(script: string): Promise<void> {
    return this.refuse(script);
  }
  startTransaction(): Promise<never> {
    return this.refuse("BEGIN");
  }
  getConnectionInfo() {
    return { supportsRelationJoins: true };
  }
  async dispose(): Promise<void> {}

  private async refuse(sql: string): Promise<never> {
    throw new Error(`diffSchemas needs no database, but the schema engine tried to run: ${sql.slice(0, 200)}`);
  }
}

const offlineFactory: SqlMigrationAwareDriverAdapterFactory = {
  provider: "postgres",
  adapterName: "switchboard-offline",
  connect: async () => new OfflineAdapter(),
  connectToShadowDb: async () => new OfflineAdapter(),
};

function schemaTarget(name: string, content: string): DiffTarget {
  return { tag: "schemaDatamodel", files: [{ path: name, content }] };
}

/**
 * The SQL that takes a database from `fromSchema` to `toSchema` (both schema.prisma texts; `null` for
 * an empty database), as `prisma migrate diff --script` would print it. Returns "" when the two
 * schemas need no change. Connects to nothing.
 */
export async function diffSchemas(fromSchema: string | null, toSchema: string): Promise<string> {
  const result = await withEngine(offlineFactory, "diff", (engine) =>
    engine.diff({
      from: schemaTarget("from/schema.prisma", fromSchema ?? EMPTY_POSTGRES_SCHEMA),
      to: schemaTarget("schema.prisma", toSchema),
      script: true,
      // Asks the engine to report "non-empty" as exit code 2, rather than parsing its placeholder
      // comment for an empty script.
      exitCode: true,
      filters: NO_FILTER,
    }),
  );
  if (result.exitCode === 0) return "";
  if (result.exitCode !== 2) throw new Error(`schema engine diff exited with code ${result.exitCode}`);
  return result.stdout ?? "";
}
