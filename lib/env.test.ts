import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { EnvError, parseEnv, resolveEnv } from "@/lib/env";

const KEY = Buffer.alloc(32, 7).toString("base64");

describe("parseEnv", () => {
  it("applies defaults", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toBe(".data");
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("names each wrong variable and says what is expected", () => {
    let error: unknown;
    try {
      parseEnv({ DATABASE_URL: "mysql://x", PORT: "99999", AUTH_SECRET: "short", SECRETS_KEY: "abc", APP_URL: "ftp://x" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as EnvError).message;
    expect(message).toMatch(/DATABASE_URL must be a PostgreSQL connection URL/);
    expect(message).toMatch(/PORT must be between 1 and 65535/);
    expect(message).toMatch(/AUTH_SECRET must be at least 32 characters/);
    expect(message).toMatch(/SECRETS_KEY must be 32 random bytes encoded as base64/);
    expect(message).toMatch(/APP_URL must be the public http\(s\) URL/);
  });

  it("rejects a port that is not a number", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT/);
  });

  it("takes a METRICS_TOKEN of at least 16 characters and leaves metrics off without one", () => {
    expect(parseEnv({}).METRICS_TOKEN).toBeUndefined();
    expect(parseEnv({ METRICS_TOKEN: "" }).METRICS_TOKEN).toBeUndefined();
    expect(parseEnv({ METRICS_TOKEN: "0123456789abcdef" }).METRICS_TOKEN).toBe("0123456789abcdef");
    expect(() => parseEnv({ METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN must be at least 16 characters/);
    expect(() => parseEnv({ METRICS_TOKEN: "has a space in the middle" })).toThrow(/METRICS_TOKEN must not contain spaces/);
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
  });

  it("reads TRUST_PROXY as off, a hop count or a proxy list, and names a bad one", () => {
    expect(parseEnv({}).TRUST_PROXY).toBeNull();
    expect(parseEnv({ TRUST_PROXY: "true" }).TRUST_PROXY).toEqual({ hops: 1 });
    expect(parseEnv({ TRUST_PROXY: "10.0.0.0/8, loopback" }).TRUST_PROXY).toEqual({ addresses: ["10.0.0.0/8", "loopback"] });
    expect(() => parseEnv({ TRUST_PROXY: "proxy.internal" })).toThrow(/TRUST_PROXY must be true, a hop count, or a comma-separated list/);
  });
});

describe("resolveEnv", () => {
  it("generates missing secrets once, stores them privately and logs one line", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sb-env-"));
    const logSpy = vi.spyOn(console, "log").mockImplementation(() => {});
    const first = resolveEnv({ DATA_DIR: dir });
    const second = resolveEnv({ DATA_DIR: dir });
    expect(logSpy).toHaveBeenCalledTimes(1);
    expect(String(logSpy.mock.calls[0]?.[0])).toMatch(/Generated AUTH_SECRET and SECRETS_KEY/);
    logSpy.mockRestore();
    expect(first.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(Buffer.from(first.SECRETS_KEY, "base64")).toHaveLength(32);
    expect(second.AUTH_SECRET).toBe(first.AUTH_SECRET);
    expect(second.SECRETS_KEY).toBe(first.SECRETS_KEY);
    const file = path.join(dir, "secrets.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ authSecret: first.AUTH_SECRET, secretsKey: first.SECRETS_KEY });
  });

  it("lets explicit values win over stored ones", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sb-env-"));
    vi.spyOn(console, "log").mockImplementation(() => {});
    resolveEnv({ DATA_DIR: dir });
    const explicit = resolveEnv({ DATA_DIR: dir, AUTH_SECRET: "x".repeat(40), SECRETS_KEY: KEY });
    expect(explicit.AUTH_SECRET).toBe("x".repeat(40));
    expect(explicit.SECRETS_KEY).toBe(KEY);
    vi.restoreAllMocks();
  });

  it("derives APP_URL from PORT", () => {
    const env = resolveEnv({ AUTH_SECRET: "x".repeat(40), SECRETS_KEY: KEY, PORT: "4123" });
    expect(env.APP_URL).toBe("http://localhost:4123");
  });
});
