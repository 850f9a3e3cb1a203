import { expect, test } from "./support/test";
import { ADMIN, signInAsAdmin, signInViaApi, signUpViaApi, uniqueEmail } from "./support/accounts";
import { APP_ALERT } from "./support/locators";

test("sign-up is closed by default once an account exists; the admin's switch opens and closes it", async ({ page, browser }) => {
  test.slow();
  await signInAsAdmin(page);
  await page.goto("/admin/users");
  const toggle = page.getByRole("switch", { name: "Allow sign-up" });
  await expect(toggle).not.toBeChecked();
  await expect(page.getByTestId("signup-state")).toHaveText(/^Closed/);

  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  await visitorPage.goto("/sign-up");
  await expect(visitorPage.getByText("Sign-up is closed on this Switchboard. Ask an admin for an account.")).toBeVisible();
  await expect(visitorPage.getByRole("button", { name: "Create account" })).toHaveCount(0);
  await visitorPage.goto("/sign-in");
  await expect(visitorPage.getByRole("link", { name: "Create one" })).toHaveCount(0);
  const res = await visitor.request.post("/api/sign-up", { data: { email: uniqueEmail("closed"), password: "long-enough-pw" } });
  expect(res.status()).toBe(403);
  expect((await res.json()).error.message).toBe("Sign-up is closed on this Switchboard. Ask an admin for an account.");

  await toggle.click();
  await expect(page.getByTestId("signup-state")).toHaveText(/^Open/);
  const opened = await visitor.request.post("/api/sign-up", { data: { email: uniqueEmail("open"), password: "long-enough-pw" } });
  expect(opened.status()).toBe(202);
  await visitorPage.goto("/sign-in");
  await expect(visitorPage.getByRole("link", { name: "Create one" })).toBeVisible();

  // Closed again, as the other specs expect.
  await page.reload();
  await page.getByRole("switch", { name: "Allow sign-up" }).click();
  await expect(page.getByTestId("signup-state")).toHaveText(/^Closed/);
  await visitor.close();
});

test("admins search users and change roles; the last admin cannot demote or disable themself", async ({ page, browser }) => {
  // Fifteen steps over two browsers: about 30 s on a loaded 2-core machine, the default timeout.
  test.slow();
  const promoted = await signUpViaApi(page.request, uniqueEmail("promote"));
  await signInAsAdmin(page);
  await page.goto("/admin/users");

  await page.getByRole("searchbox", { name: "Search users" }).fill(promoted.email);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=promote/);
  await expect(page.getByTestId("user-row")).toHaveCount(1);
  await page.getByRole("searchbox", { name: "Search users" }).fill("no-such-person-xyz");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No users match “no-such-person-xyz”.")).toBeVisible();

  // The admin alone cannot step down or disable themself.
  await page.getByRole("searchbox", { name: "Search users" }).fill(ADMIN.email);
  await page.getByRole("button", { name: "Search" }).click();
  const me = page.getByTestId("user-row").filter({ hasText: ADMIN.email });
  await me.getByRole("combobox", { name: `Role of ${ADMIN.email}` }).selectOption("user");
  await expect(page.locator(APP_ALERT)).toHaveText("You are the last admin. Make another user an admin first.");
  await me.getByRole("button", { name: `Disable ${ADMIN.email}` }).click();
  await expect(page.locator(APP_ALERT)).toHaveText("You are the last admin. Make another user an admin first.");
  await page.reload();
  await expect(me.getByRole("combobox", { name: `Role of ${ADMIN.email}` })).toHaveValue("admin");
  await expect(me.getByTestId("user-status")).toHaveText("Active");

  // Promote another user: they now see the admin link.
  await page.getByRole("searchbox", { name: "Search users" }).fill(promoted.email);
  await page.getByRole("button", { name: "Search" }).click();
  const row = page.getByTestId("user-row").filter({ hasText: promoted.email });
  await row.getByRole("combobox", { name: `Role of ${promoted.email}` }).selectOption("admin");
  await expect(row.getByRole("combobox", { name: `Role of ${promoted.email}` })).toHaveValue("admin");

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInViaApi(otherPage, promoted.email, promoted.password);
  await otherPage.goto("/admin/users");
  await expect(otherPage.getByRole("heading", { name: "Users" })).toBeVisible();

  // Demote them again so the first admin stays the only one for other specs.
  await row.getByRole("combobox", { name: `Role of ${promoted.email}` }).selectOption("user");
  await expect(row.getByRole("combobox", { name: `Role of ${promoted.email}` })).toHaveValue("user");
  expect((await otherPage.request.get("/api/admin/users")).status()).toBe(403);
  await other.close();
});
