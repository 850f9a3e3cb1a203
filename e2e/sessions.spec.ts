import { expect, test } from "./support/test";
import { newUser, signInAsAdmin } from "./support/accounts";
import { APP_ALERT } from "./support/locators";

test("after sign-out, the old session cookie replayed on an API gets 401", async ({ page, browser }) => {
  await newUser(page, "signout");
  await page.goto("/");
  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.name === "next-auth.session-token");
  expect(session, "a session cookie after sign-in").toBeTruthy();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  const replay = await browser.newContext();
  await replay.addCookies([{ ...session!, sameSite: "Lax" }]);
  const res = await replay.request.get("/api/me");
  expect(res.status()).toBe(401);
  expect(await res.json()).toEqual({ error: { code: "unauthorized", message: "You are signed out. Sign in again to continue." } });
  await replay.close();
});

test("disabling a signed-in user refuses their next request; enabling lets them sign in again", async ({ page, browser }) => {
  const userContext = await browser.newContext();
  const userPage = await userContext.newPage();
  const account = await newUser(userPage, "disable-me");
  await userPage.goto("/");
  await expect(userPage.getByRole("heading", { name: "Welcome" })).toBeVisible();

  await signInAsAdmin(page);
  await page.goto(`/admin/users?q=${encodeURIComponent(account.email)}`);
  const row = page.getByTestId("user-row").filter({ hasText: account.email });
  await expect(row).toHaveCount(1);
  await row.getByRole("button", { name: `Disable ${account.email}` }).click();
  await expect(row.getByTestId("user-status")).toHaveText("Disabled");

  expect((await userPage.request.get("/api/me")).status()).toBe(401);
  await userPage.reload();
  await expect(userPage).toHaveURL(/\/sign-in/);

  // A disabled account cannot sign in again, and is told why.
  await userPage.getByLabel("Email").fill(account.email);
  await userPage.getByLabel("Password").fill(account.password);
  await userPage.getByRole("button", { name: "Sign in" }).click();
  await expect(userPage.locator(APP_ALERT)).toHaveText("This account has been disabled. Ask an admin to enable it.");

  await row.getByRole("button", { name: `Enable ${account.email}` }).click();
  await expect(row.getByTestId("user-status")).toHaveText("Active");
  await userPage.getByRole("button", { name: "Sign in" }).click();
  await expect(userPage.getByRole("heading", { name: "Welcome" })).toBeVisible();
  await userContext.close();
});
