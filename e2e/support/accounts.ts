// Accounts for the e2e suite. The admin is created through the UI by first-run.spec.ts; other specs
// create their own users through the API with unique emails and sign in through the API.
import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const ADMIN = { name: "Ada Admin", email: "admin@switchboard.test", password: "admin-password-123" };

let counter = 0;

export function uniqueEmail(prefix = "user"): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@switchboard.test`;
}

export async function signUpViaApi(request: APIRequestContext, email: string, password = "user-password-123") {
  const res = await request.post("/api/sign-up", { data: { email, password, name: "" } });
  expect(res.status(), await res.text()).toBe(201);
  return { email, password };
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
  const account = await signUpViaApi(page.request, uniqueEmail(prefix));
  await signInViaApi(page, account.email, account.password);
  return account;
}

export async function signInAsAdmin(page: Page) {
  await signInViaApi(page, ADMIN.email, ADMIN.password);
}
