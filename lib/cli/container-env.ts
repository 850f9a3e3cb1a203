import type { RawEnv } from "@/lib/env";

/**
 * What the image needs that `npm start` can make up: several replicas must share one database and one
 * set of secrets, so nothing is generated inside a container (its filesystem is read-only anyway).
 */
export function containerEnvProblems(env: Pick<RawEnv, "DATABASE_URL" | "AUTH_SECRET" | "SECRETS_KEY">): string[] {
  const problems: string[] = [];
  if (!env.DATABASE_URL) problems.push("  DATABASE_URL is required in the container (there is no embedded PostgreSQL in the image)");
  if (!env.AUTH_SECRET) problems.push("  AUTH_SECRET is required in the container (all replicas must share it; `openssl rand -base64 32`)");
  if (!env.SECRETS_KEY) problems.push("  SECRETS_KEY is required in the container (all replicas must share it; `openssl rand -base64 32`)");
  return problems;
}
