// The environment of an app server under test: the suite's own (playwright.config.ts) and any second
// instance a spec starts (e2e/support/app-instance.ts) share secrets, so a session cookie of one is
// valid on the other.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export function appServerEnv(options: { databaseUrl: string; appUrl: string; port: number }): Record<string, string> {
  return {
    DATABASE_URL: options.databaseUrl,
    APP_URL: options.appUrl,
    PORT: String(options.port),
    AUTH_SECRET: "e2e-auth-secret-0123456789abcdefghijklmnopqrstuvwxyz",
    SECRETS_KEY: Buffer.alloc(32, 42).toString("base64"),
    DATA_DIR: mkdtempSync(path.join(tmpdir(), "switchboard-e2e-data-")),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    // The suite signs in as a few users and chats far more than a person would in a minute; the
    // limiter itself is tested in lib/http/rate-limit.test.ts.
    CHAT_RATE_LIMIT: "1000",
    PREVIEW_RATE_LIMIT: "1000",
    OPENAPI_PARSE_RATE_LIMIT: "1000",
  };
}
