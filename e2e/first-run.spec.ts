import { expect, test } from "./support/test";
import { ADMIN, seedUser, uniqueEmail } from "./support/accounts";

test("the first account becomes the admin, sign-up then closes, and a plain user is kept out of admin pages and APIs", async ({
  page,
  browser,
}) => {
  // Two people's first visits, one after the other: more steps than the default timeout is sized for.
  test.slow();
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByRole("link", { name: "Create one" }).click();
  await expect(page.getByText("This is the first account on this Switchboard: it will be the admin.")).toBeVisible();
  await page.getByLabel("Name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByRole("heading", { name: `Welcome, ${ADMIN.name}` })).toBeVisible();
  await expect(page.getByRole("link", { name: "Admin", exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Admin", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  await expect(page.getByTestId("user-row")).toHaveCount(1);

  // Once the first account exists, public sign-up is closed until the admin opens it.
  await expect(page.getByRole("switch", { name: "Allow sign-up" })).not.toBeChecked();
  const context = await browser.newContext();
  const second = await context.newPage();
  await second.goto("/sign-up");
  await expect(second.getByText("Sign-up is closed on this Switchboard. Ask an admin for an account.")).toBeVisible();
  await expect(second.getByRole("button", { name: "Create account" })).toHaveCount(0);
  const closed = await second.request.post("/api/sign-up", { data: { email: uniqueEmail("second"), password: "second-password-1" } });
  expect(closed.status()).toBe(403);

  // A second account (seeded as an admin would create it), in a separate browser context.
  const account = await seedUser(uniqueEmail("second"), "second-password-1");
  await second.goto("/sign-in");
  await expect(second.getByRole("link", { name: "Create one" })).toHaveCount(0);
  await second.getByLabel("Email").fill(account.email);
  await second.getByLabel("Password").fill(account.password);
  await second.getByRole("button", { name: "Sign in" }).click();
  await expect(second.getByRole("heading", { name: "Welcome" })).toBeVisible();
  await expect(second.getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);

  const adminPage = await second.goto("/admin/users");
  expect(adminPage?.status()).toBe(403);
  await expect(second.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await expect(second.getByTestId("user-row")).toHaveCount(0);

  const fromBrowser = await second.evaluate(async () => {
    const list = await fetch("/api/admin/users");
    const patch = await fetch("/api/admin/settings", {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ signupOpen: false }),
    });
    return { list: list.status, patch: patch.status, body: await list.json() };
  });
  expect(fromBrowser.list).toBe(403);
  expect(fromBrowser.patch).toBe(403);
  expect(fromBrowser.body).toEqual({ error: { code: "forbidden", message: "Only admins can do this." } });
  await context.close();

  // Signed out: 401 from the API, and pages redirect to sign-in.
  const anonymous = await browser.newContext();
  const anon = await anonymous.newPage();
  const response = await anon.request.get("/api/admin/users");
  expect(response.status()).toBe(401);
  await anon.goto("/admin/users");
  await expect(anon).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Fusers/);
  await anonymous.close();
});
