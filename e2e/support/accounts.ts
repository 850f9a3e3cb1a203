// Accounts for the e2e suite. The admin is created through the UI by first-run.spec.ts; other specs
// seed their own users into the database with unique emails (public sign-up is closed once the first
// account exists) and sign in through the API.
import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { withDatabase } from "./seed";

export const ADMIN = { name: "Ada Admin", email: "admin@switchboard.test", password: "admin-password-123" };

let counter = 0;

export function uniqueEmail(prefix = "user"): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@switchboard.test`;
}

// Argon2id like the app's hashes, with cheap parameters: verification reads them from the hash, so
// seeding and every sign-in of a seeded user stay fast on a busy test machine.
const SEED_HASH_OPTIONS = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

/** Writes a user straight into the database. */
export async function seedUser(email: string, password = "user-password-123", role: "user" | "admin" = "user") {
  const passwordHash = await hash(password, SEED_HASH_OPTIONS);
  await withDatabase((client) =>
    client.query(`INSERT INTO "User" (id, email, "passwordHash", role, "updatedAt") VALUES ($1, $2, $3, $4::"Role", now())`, [
      randomUUID(),
      email.toLowerCase(),
      passwordHash,
      role,
    ]),
  );
  return { email, password };
}

/** Kept for specs written before sign-up closed by default: seeds the user, the request is unused. */
export async function signUpViaApi(_request: APIRequestContext, email: string, password = "user-password-123") {
  return seedUser(email, password);
}

/** Signs the page's browser context in through next-auth's credentials endpoint (no UI). */
export async function signInViaApi(page: Page, email: string, password: string) {
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await page.request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, json: "true", callbackUrl: "/" },
  });
  expect(res.ok(), `sign-in of ${email} answered ${res.status()}`).toBe(true);
  const me = await page.request.get("/api/me");
  expect(me.status()).toBe(200);
}

export async function newUser(page: Page, prefix = "user") {
  const account = await seedUser(uniqueEmail(prefix));
  await signInViaApi(page, account.email, account.password);
  return account;
}

export async function signInAsAdmin(page: Page) {
  await signInViaApi(page, ADMIN.email, ADMIN.password);
}

/** Opens or closes public sign-up straight in the database (the setting the admin switch writes). */
export async function setSignupOpen(open: boolean): Promise<void> {
  await withDatabase((client) =>
    client.query(
      `INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('signupOpen', $1::jsonb, now())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = now()`,
      [JSON.stringify(open)],
    ),
  );
}
