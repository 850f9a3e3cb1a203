// API keys for specs of the OpenAI-compatible API: written straight into the database the way
// createApiKey stores them (prefix + SHA-256), so a spec gets the full key without the account page.
import { randomUUID } from "node:crypto";
import { generateApiKey } from "../../lib/api/key-token";
import { withDatabase } from "./seed";

/** Creates a key for the user and returns it in full. */
export async function seedApiKey(userId: string, name = "e2e key"): Promise<string> {
  const { key, prefix, secretHash } = generateApiKey();
  await withDatabase((client) =>
    client.query(`INSERT INTO "ApiKey" (id, "userId", name, prefix, "secretHash") VALUES ($1, $2, $3, $4, $5)`, [randomUUID(), userId, name, prefix, secretHash]),
  );
  return key;
}
