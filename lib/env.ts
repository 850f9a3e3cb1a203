// Every environment variable Switchboard reads, validated once. Nothing else reads process.env.
// AUTH_SECRET and SECRETS_KEY fall back to values generated on first start and kept in the data
// directory, so a fresh clone runs with no configuration; values set in the environment always win.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseTrustProxy } from "@/lib/net/trust-proxy";

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "postgres:" || url.protocol === "postgresql:";
    } catch {
      return false;
    }
  }, "must be a PostgreSQL connection URL such as postgres://user:password@127.0.0.1:5432/switchboard");

const base64Key = z
  .string()
  .trim()
  .refine(
    (value) => Buffer.from(value, "base64").length === 32,
    "must be 32 random bytes encoded as base64 (generate one with `openssl rand -base64 32`)",
  );

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

const perMinute = z.coerce.number().int("must be a whole number of requests per minute").min(1, "must be at least 1 request per minute");

export const envSchema = z.object({
  DATABASE_URL: z.preprocess(emptyAsUndefined, postgresUrl.optional()),
  AUTH_SECRET: z.preprocess(
    emptyAsUndefined,
    z.string().min(32, "must be at least 32 characters (generate one with `openssl rand -base64 32`)").optional(),
  ),
  SECRETS_KEY: z.preprocess(emptyAsUndefined, base64Key.optional()),
  PORT: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int("must be a whole number").min(1, "must be between 1 and 65535").max(65535, "must be between 1 and 65535").default(3000),
  ),
  APP_URL: z.preprocess(
    emptyAsUndefined,
    z
      .url({ protocol: /^https?$/, error: "must be the public http(s) URL of the app, e.g. https://chat.example.com" })
      .optional(),
  ),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default(".data")),
  /** Which proxies in front of the app may name the client (lib/net/trust-proxy.ts): unset, true, a hop count or a CIDR list. */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      try {
        return parseTrustProxy(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
        return z.NEVER;
      }
    }),
  // First-start model endpoints (lib/ai/seed-from-env.ts); ignored once seeded.
  OPENAI_API_KEY: z.preprocess(emptyAsUndefined, z.string().trim().min(1).optional()),
  OPENAI_BASE_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://api.openai.com/v1" }).optional()),
  DEFAULT_MODEL: z.preprocess(emptyAsUndefined, z.string().trim().min(1).max(200).optional()),
  OPENAI_COMPATIBLE_BASE_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as http://localhost:11434/v1" }).optional(),
  ),
  OPENAI_COMPATIBLE_API_KEY: z.preprocess(emptyAsUndefined, z.string().trim().min(1).optional()),
  OPENAI_COMPATIBLE_MODEL: z.preprocess(emptyAsUndefined, z.string().trim().min(1).max(200).optional()),
  // Per-user limits per minute (lib/http/rate-limit.ts); a load test raises them.
  CHAT_RATE_LIMIT: z.preprocess(emptyAsUndefined, perMinute.default(30)),
  PREVIEW_RATE_LIMIT: z.preprocess(emptyAsUndefined, perMinute.default(30)),
  OPENAPI_PARSE_RATE_LIMIT: z.preprocess(emptyAsUndefined, perMinute.default(60)),
  /**
   * Load shedding (lib/chat/capacity.ts): answers this instance writes at once before it refuses new
   * turns with a 503 and Retry-After; unset: 150 per CPU core.
   */
  MAX_RUNNING_TURNS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1, "must be at least 1").max(100_000).optional()),
  /** Bearer token for GET /api/metrics (lib/metrics/access.ts); unset turns the endpoint off (404). */
  METRICS_TOKEN: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .trim()
      .min(16, "must be at least 16 characters (generate one with `openssl rand -hex 32`)")
      .regex(/^\S+$/, "must not contain spaces")
      .optional(),
  ),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
});

export type RawEnv = z.infer<typeof envSchema>;

export type Env = Omit<RawEnv, "AUTH_SECRET" | "SECRETS_KEY" | "APP_URL"> & {
  AUTH_SECRET: string;
  SECRETS_KEY: string;
  APP_URL: string;
  /** Absolute path of DATA_DIR. */
  dataDir: string;
};

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses an environment object; throws EnvError naming every variable that is wrong and why. */
export function parseEnv(source: Record<string, string | undefined>): RawEnv {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "environment");
    return `  ${name} ${issue.message}`;
  });
  throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
}

type StoredSecrets = { authSecret?: string; secretsKey?: string };

const secretsFileSchema = z.object({ authSecret: z.string().optional(), secretsKey: z.string().optional() });

function readStoredSecrets(file: string): StoredSecrets {
  try {
    return secretsFileSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return {};
    throw new EnvError(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Returns the generated secrets from DATA_DIR/secrets.json, creating the missing ones. The file is
 * written with mode 0600; a secret already on disk is never replaced, so sessions and encrypted
 * values survive restarts.
 */
export function loadGeneratedSecrets(dataDir: string, need: { authSecret: boolean; secretsKey: boolean }): StoredSecrets {
  const file = path.join(dataDir, "secrets.json");
  const stored = readStoredSecrets(file);
  const created: string[] = [];
  if (need.authSecret && !stored.authSecret) {
    stored.authSecret = randomBytes(32).toString("base64");
    created.push("AUTH_SECRET");
  }
  if (need.secretsKey && !stored.secretsKey) {
    stored.secretsKey = randomBytes(32).toString("base64");
    created.push("SECRETS_KEY");
  }
  if (created.length > 0) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2) + "\n", { mode: 0o600 });
    console.log(`[switchboard] Generated ${created.join(" and ")} and stored ${created.length > 1 ? "them" : "it"} in ${file}; set ${created.length > 1 ? "them" : "it"} in the environment to override.`);
  }
  return stored;
}

/** Resolves the full environment: validation plus generated secrets and defaults. */
export function resolveEnv(source: Record<string, string | undefined>): Env {
  const raw = parseEnv(source);
  const dataDir = path.resolve(raw.DATA_DIR);
  const needAuth = !raw.AUTH_SECRET;
  const needKey = !raw.SECRETS_KEY;
  const generated = needAuth || needKey ? loadGeneratedSecrets(dataDir, { authSecret: needAuth, secretsKey: needKey }) : {};
  return {
    ...raw,
    AUTH_SECRET: raw.AUTH_SECRET ?? generated.authSecret ?? "",
    SECRETS_KEY: raw.SECRETS_KEY ?? generated.secretsKey ?? "",
    APP_URL: (raw.APP_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, ""),
    dataDir,
  };
}

let cached: Env | undefined;

/** The validated environment of this process, resolved on first use. */
export function getEnv(): Env {
  if (!cached) {
    cached = resolveEnv(process.env);
    // next-auth v4 reads its base URL from NEXTAUTH_URL at request time; derive it from APP_URL.
    process.env.NEXTAUTH_URL ??= cached.APP_URL;
  }
  return cached;
}
