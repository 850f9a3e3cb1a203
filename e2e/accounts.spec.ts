// Accounts while public sign-up is closed: admin invites, admin-issued password resets, changing your own
// password (which signs out your other sessions), and the audit log of what admins did to accounts.
import { expect, test, type Browser, type Page } from "./support/test";
import { ADMIN, seedUser, signInAsAdmin, signInViaApi, uniqueEmail } from "./support/accounts";
import { APP_ALERT } from "./support/locators";

// Each test walks two or three people through several pages: more than the default timeout is sized for.
test.slow();

async function signInFails(browser: Browser, email: string, password: string): Promise<boolean> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const csrf = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await page.request.post("/api/auth/callback/credentials", {
      form: { email, password, csrfToken: csrf.csrfToken, json: "true", callbackUrl: "/" },
    });
    return res.status() === 401;
  } finally {
    await context.close();
  }
}

async function findUserRow(page: Page, email: string) {
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  const row = page.getByTestId("user-row").filter({ hasText: email });
  await expect(row).toHaveCount(1);
  return row;
}

test("an admin invites someone while sign-up is closed; the link creates the account once", async ({ page, browser }) => {
  await signInAsAdmin(page);
  await page.goto("/admin/users");
  await expect(page.getByRole("switch", { name: "Allow sign-up" })).not.toBeChecked();
  const email = uniqueEmail("invited");
  await page.getByLabel("Email to invite").fill(email);
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = await page.getByLabel(`Invite link for ${email}`).inputValue();
  expect(link).toMatch(/\/sign-up\/invite\/[A-Za-z0-9_-]{43}$/);

  const guest = await browser.newContext();
  const guestPage = await guest.newPage();
  await guestPage.goto(link);
  await expect(guestPage.getByTestId("link-email")).toHaveText(email);
  await guestPage.getByLabel("Name").fill("Ivy Invited");
  await guestPage.getByLabel("Password").fill("invited-password-1");
  await guestPage.getByRole("button", { name: "Create account" }).click();
  await expect(guestPage.getByRole("heading", { name: "Welcome, Ivy Invited" })).toBeVisible();
  await guest.close();

  const again = await browser.newContext();
  const againPage = await again.newPage();
  await againPage.goto(link);
  await expect(againPage.locator(APP_ALERT)).toHaveText("This invite link has expired or was already used. Ask an admin for a new one.");
  await expect(againPage.getByRole("button", { name: "Create account" })).toHaveCount(0);
  await again.close();

  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit-entry").filter({ hasText: `Invited ${email} as a user` }).first()).toContainText(ADMIN.email);
});

test("an admin's password reset link sets a new password and ends the user's sessions", async ({ page, browser }) => {
  const account = await seedUser(uniqueEmail("forgot"), "old-password-123");
  const userContext = await browser.newContext();
  const userPage = await userContext.newPage();
  await signInViaApi(userPage, account.email, account.password);

  await signInAsAdmin(page);
  const row = await findUserRow(page, account.email);
  await row.getByRole("button", { name: `Reset password of ${account.email}` }).click();
  const link = await page.getByLabel(`Password reset link for ${account.email}`).inputValue();
  expect(link).toMatch(/\/sign-in\/reset\/[A-Za-z0-9_-]{43}$/);
  // Issuing the link alone changes nothing.
  expect((await userPage.request.get("/api/me")).status()).toBe(200);

  const resetContext = await browser.newContext();
  const resetPage = await resetContext.newPage();
  await resetPage.goto(link);
  await resetPage.getByLabel("New password").fill("new-password-456");
  await resetPage.getByRole("button", { name: "Set new password" }).click();
  await expect(resetPage.getByRole("heading", { name: "Welcome" })).toBeVisible();
  expect((await resetPage.request.get("/api/me")).status()).toBe(200);

  expect((await userPage.request.get("/api/me")).status()).toBe(401);
  expect(await signInFails(browser, account.email, "old-password-123")).toBe(true);
  expect(await signInFails(browser, account.email, "new-password-456")).toBe(false);
  await resetPage.goto(link);
  await expect(resetPage.locator(APP_ALERT)).toHaveText("This password reset link has expired or was already used. Ask an admin for a new one.");
  await userContext.close();
  await resetContext.close();

  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit-entry").filter({ hasText: `Issued a password reset link for ${account.email}` }).first()).toContainText(ADMIN.email);
});

test("changing your password at /account needs the current one and signs out your other sessions", async ({ browser }) => {
  const account = await seedUser(uniqueEmail("changer"), "first-password-1");
  const here = await browser.newContext();
  const elsewhere = await browser.newContext();
  const herePage = await here.newPage();
  const elsewherePage = await elsewhere.newPage();
  await signInViaApi(herePage, account.email, account.password);
  await signInViaApi(elsewherePage, account.email, account.password);

  await herePage.goto("/");
  await herePage.getByRole("link", { name: "Account", exact: true }).click();
  await expect(herePage).toHaveURL(/\/account$/);
  await herePage.getByLabel("Current password").fill("not-my-password");
  await herePage.getByLabel("New password").fill("second-password-2");
  await herePage.getByRole("button", { name: "Change password" }).click();
  await expect(herePage.getByText("Your current password is not right.")).toBeVisible();
  expect((await elsewherePage.request.get("/api/me")).status()).toBe(200);

  await herePage.getByLabel("Current password").fill("first-password-1");
  await herePage.getByLabel("New password").fill("second-password-2");
  await herePage.getByRole("button", { name: "Change password" }).click();
  await expect(herePage.getByRole("status")).toHaveText("Password changed. Your other sessions have been signed out.");

  // This browser stays signed in; the other one is signed out.
  expect((await herePage.request.get("/api/me")).status()).toBe(200);
  await herePage.reload();
  await expect(herePage.getByRole("heading", { name: "Account" })).toBeVisible();
  expect((await elsewherePage.request.get("/api/me")).status()).toBe(401);
  expect(await signInFails(browser, account.email, "first-password-1")).toBe(true);
  expect(await signInFails(browser, account.email, "second-password-2")).toBe(false);
  await here.close();
  await elsewhere.close();
});

test("role changes and disabling or enabling a user are in the audit log with who did it", async ({ page }) => {
  const account = await seedUser(uniqueEmail("audited"));
  await signInAsAdmin(page);
  const row = await findUserRow(page, account.email);
  await row.getByRole("combobox", { name: `Role of ${account.email}` }).selectOption("admin");
  await expect(row.getByRole("combobox", { name: `Role of ${account.email}` })).toHaveValue("admin");
  await row.getByRole("combobox", { name: `Role of ${account.email}` }).selectOption("user");
  await expect(row.getByRole("combobox", { name: `Role of ${account.email}` })).toHaveValue("user");
  await row.getByRole("button", { name: `Disable ${account.email}` }).click();
  await expect(row.getByTestId("user-status")).toHaveText("Disabled");
  await row.getByRole("button", { name: `Enable ${account.email}` }).click();
  await expect(row.getByTestId("user-status")).toHaveText("Active");

  await page.goto("/admin/audit");
  const entries = page.getByTestId("audit-entry").filter({ hasText: account.email });
  await expect(entries.filter({ hasText: `Changed the role of ${account.email} from user to admin` })).toContainText(ADMIN.email);
  await expect(entries.filter({ hasText: `Changed the role of ${account.email} from admin to user` })).toContainText(ADMIN.email);
  await expect(entries.filter({ hasText: `Disabled ${account.email}` })).toHaveCount(1);
  await expect(entries.filter({ hasText: `Enabled ${account.email}` })).toHaveCount(1);
});
