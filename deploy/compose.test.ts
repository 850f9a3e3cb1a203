// compose.yaml and the dev container, checked as files (no container runtime here): services, ports,
// healthchecks and their use in depends_on, profiles with GPU reservations, model servers wired to the
// app's OPENAI_COMPATIBLE_* variables, and no secret written into either file. When podman-compose is
// installed it also renders the file, which resolves the interpolations the way a runtime would.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { envSchema } from "@/lib/env";

const ROOT = path.resolve(import.meta.dirname, "..");

const service = z
  .object({
    image: z.string().optional(),
    build: z.object({ context: z.string(), args: z.record(z.string(), z.string()).optional() }).optional(),
    profiles: z.array(z.string()).optional(),
    ports: z.array(z.string()).optional(),
    environment: z.record(z.string(), z.string()).optional(),
    depends_on: z.record(z.string(), z.object({ condition: z.string(), required: z.boolean().optional() })).optional(),
    healthcheck: z.object({ test: z.array(z.string()) }).optional(),
    secrets: z.array(z.string()).optional(),
    volumes: z.array(z.string()).optional(),
    networks: z.object({ default: z.object({ aliases: z.array(z.string()) }) }).optional(),
    deploy: z
      .object({ resources: z.object({ reservations: z.object({ devices: z.array(z.object({ driver: z.string(), capabilities: z.array(z.string()) })) }) }) })
      .optional(),
    read_only: z.boolean().optional(),
    tmpfs: z.array(z.string()).optional(),
  })
  .loose();

const composeSchema = z.object({
  services: z.record(z.string(), service),
  secrets: z.record(z.string(), z.object({ file: z.string() })).optional(),
  volumes: z.record(z.string(), z.null()).optional(),
});

const compose = composeSchema.parse(parse(readFileSync(path.join(ROOT, "compose.yaml"), "utf8")));
const devCompose = composeSchema.parse(parse(readFileSync(path.join(ROOT, ".devcontainer/compose.devcontainer.yaml"), "utf8")));
const devcontainer = z
  .object({
    dockerComposeFile: z.array(z.string()),
    service: z.string(),
    runServices: z.array(z.string()),
    postCreateCommand: z.string(),
    initializeCommand: z.string(),
    customizations: z.object({ vscode: z.object({ extensions: z.array(z.string()) }) }),
  })
  .parse(JSON.parse(readFileSync(path.join(ROOT, ".devcontainer/devcontainer.json"), "utf8")));

function get(name: string, from = compose) {
  const found = from.services[name];
  if (!found) throw new Error(`no service ${name}`);
  return found;
}

/** A value that carries a secret must be nothing but `${VAR…}` interpolations around non-secret text. */
const SECRET_NAME = /SECRET|PASSWORD|TOKEN|API_KEY|DATABASE_URL/;
function literalSecretIn(value: string): boolean {
  const withoutInterpolations = value.replace(/\$\{[A-Z0-9_]+(?::?[-?][^}]*)?\}/g, "");
  // What is left of a URL may name the user, host and database, never a password.
  return /:\/\/[^:/@]+:[^@]+@/.test(withoutInterpolations) || (!withoutInterpolations.includes("://") && withoutInterpolations.length > 0);
}

const MODEL_SERVERS = { ollama: "ollama", vllm: "vllm", nim: "nim" } as const;

describe("compose.yaml", () => {
  it("builds the app from the Dockerfile with the base image as a build argument and publishes port 3000", () => {
    const app = get("app");
    expect(app.build?.context).toBe(".");
    expect(app.build?.args?.BASE_IMAGE).toBe("${BASE_IMAGE:-node:24-bookworm-slim}");
    expect(app.ports).toEqual(["${APP_PORT:-3000}:3000"]);
    expect(app.profiles).toBeUndefined();
    expect(app.read_only).toBe(true);
    expect(app.tmpfs?.some((mount) => mount.startsWith("/app/.next/cache"))).toBe(true);
  });

  it("runs PostgreSQL with pgvector, and the app waits until its healthcheck passes", () => {
    const postgres = get("postgres");
    expect(postgres.image).toBe("pgvector/pgvector:pg17");
    expect(postgres.healthcheck?.test).toContain("pg_isready");
    expect(postgres.ports).toEqual(["127.0.0.1:${POSTGRES_PORT:-5432}:5432"]);
    expect(get("app").depends_on?.postgres).toEqual({ condition: "service_healthy" });
    expect(get("app").environment?.DATABASE_URL).toMatch(/^postgres:\/\/switchboard:\$\{POSTGRES_PASSWORD:\?[^}]+\}@postgres:5432\/switchboard$/);
  });

  it("health-checks the app on its readiness endpoint", () => {
    expect(get("app").healthcheck?.test.join(" ")).toContain("/api/health/ready");
  });

  it("has a profile per model server, each answering as llm:8000, where the app's endpoint points", () => {
    const baseUrl = get("app").environment?.OPENAI_COMPATIBLE_BASE_URL;
    expect(baseUrl).toBe("${OPENAI_COMPATIBLE_BASE_URL-http://llm:8000/v1}");
    for (const [profile, name] of Object.entries(MODEL_SERVERS)) {
      const server = get(name);
      expect(server.profiles).toEqual([profile]);
      expect(server.networks?.default.aliases).toContain("llm");
      expect(server.healthcheck?.test.length).toBeGreaterThan(0);
      expect(server.volumes?.length, `${name} keeps its models on a volume`).toBeGreaterThan(0);
      for (const volume of server.volumes ?? []) expect(Object.keys(compose.volumes ?? {})).toContain(volume.split(":")[0]);
      // Optional for the app: it waits for the server only when the profile is on.
      expect(get("app").depends_on?.[name === "ollama" ? "ollama-pull" : name]).toMatchObject({ required: false });
    }
    expect(get("ollama").environment?.OLLAMA_HOST).toBe("0.0.0.0:8000");
    expect(get("vllm").command).toEqual(expect.arrayContaining(["--port", "8000"]));
    expect(get("nim").environment?.NIM_SERVER_PORT).toBe("8000");
    expect(get("ollama-pull").profiles).toEqual(["ollama"]);
    expect(get("ollama-pull").depends_on?.ollama).toEqual({ condition: "service_healthy" });
  });

  it("reserves an NVIDIA GPU for vLLM and NIM", () => {
    for (const name of ["vllm", "nim"]) {
      const devices = get(name).deploy?.resources.reservations.devices ?? [];
      expect(devices).toEqual([expect.objectContaining({ driver: "nvidia", capabilities: ["gpu"] })]);
    }
  });

  it("gives NIM its NGC key as a compose secret read from a file", () => {
    expect(get("nim").secrets).toEqual(["ngc_api_key"]);
    expect(compose.secrets?.ngc_api_key?.file).toMatch(/^\$\{NGC_API_KEY_FILE:-\.\/\.secrets\/ngc_api_key\}$/);
    expect(JSON.stringify(get("nim"))).not.toMatch(/NGC_API_KEY=nvapi-|NGC_API_KEY":/);
  });

  it("writes no secret into the file: every secret is a ${VAR} from .env, required where the app needs it", () => {
    for (const [name, definition] of [...Object.entries(compose.services), ...Object.entries(devCompose.services)]) {
      for (const [variable, value] of Object.entries(definition.environment ?? {})) {
        if (!SECRET_NAME.test(variable)) continue;
        expect(literalSecretIn(value), `${name}.${variable} = ${value}`).toBe(false);
      }
    }
    for (const variable of ["AUTH_SECRET", "SECRETS_KEY"]) expect(get("app").environment?.[variable]).toMatch(new RegExp(`^\\$\\{${variable}:\\?`));
    expect(get("postgres").environment?.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
  });

  it("sets only variables the app reads (lib/env.ts)", () => {
    const known = new Set(Object.keys(envSchema.shape));
    expect(Object.keys(get("app").environment ?? {}).filter((name) => !known.has(name))).toEqual([]);
  });

  it("lists every variable it interpolates in .env.example", () => {
    const example = readFileSync(path.join(ROOT, ".env.example"), "utf8");
    const text = readFileSync(path.join(ROOT, "compose.yaml"), "utf8");
    const used = new Set([...text.matchAll(/\$\{([A-Z0-9_]+)/g)].map((match) => match[1]));
    for (const name of used) expect(example, `${name} in .env.example`).toMatch(new RegExp(`^#? ?${name}=`, "m"));
  });
});

describe("the dev container", () => {
  it("uses compose.yaml's PostgreSQL from a workspace service of its own", () => {
    expect(devcontainer.dockerComposeFile).toEqual(["../compose.yaml", "compose.devcontainer.yaml"]);
    expect(devcontainer.service).toBe("workspace");
    expect(devcontainer.runServices).toEqual(expect.arrayContaining(["postgres", "workspace"]));
    expect(devcontainer.runServices).not.toContain("app");
    const workspace = get("workspace", devCompose);
    expect(workspace.depends_on?.postgres).toEqual({ condition: "service_healthy" });
    expect(workspace.environment?.DATABASE_URL).toContain("@postgres:5432/");
  });

  it("installs the packages and Debian's Chromium for the tests, with the editor extensions", () => {
    expect(devcontainer.postCreateCommand).toMatch(/^npm install && /);
    expect(devcontainer.postCreateCommand).toContain("apt-get install -y --no-install-recommends chromium");
    expect(devcontainer.customizations.vscode.extensions).toEqual(
      expect.arrayContaining(["dbaeumer.vscode-eslint", "Prisma.prisma", "bradlc.vscode-tailwindcss", "ms-playwright.playwright"]),
    );
    expect(devcontainer.initializeCommand).toBe("sh .devcontainer/init-env.sh");
  });
});

/**
 * podman-compose renders (resolves interpolations and profiles) only from version 1.0.6 on, with its
 * `config` command; Debian bookworm ships 1.0.3, which has neither `config` nor profiles, and whose
 * `--dry-run up` still creates volumes and networks. So: rendered when a capable one is installed.
 */
function podmanComposeCanRender(): boolean {
  try {
    const help = execFileSync("podman-compose", ["-h"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return /\bconfig\b/.test(help) && /--profile/.test(help);
  } catch {
    return false;
  }
}

describe.runIf(podmanComposeCanRender())("compose.yaml rendered by podman-compose", () => {
  const secrets = { POSTGRES_PASSWORD: "pw-from-env", AUTH_SECRET: "a".repeat(40), SECRETS_KEY: Buffer.alloc(32, 1).toString("base64") };
  const render = (args: string[], env: Record<string, string>) =>
    execFileSync("podman-compose", [...args, "-f", "compose.yaml", "config"], {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      // Nothing from a developer's .env or shell leaks in.
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/root", NODE_ENV: "test", ...env },
    });

  it("renders with the secrets from the environment", () => {
    const rendered = parse(render(["--profile", "ollama"], secrets)) as { services: Record<string, { environment?: Record<string, string> }> };
    expect(Object.keys(rendered.services)).toEqual(expect.arrayContaining(["app", "postgres", "ollama"]));
    expect(rendered.services.app?.environment?.DATABASE_URL).toBe("postgres://switchboard:pw-from-env@postgres:5432/switchboard");
    expect(rendered.services.app?.environment?.OPENAI_COMPATIBLE_BASE_URL).toBe("http://llm:8000/v1");
  });
});
