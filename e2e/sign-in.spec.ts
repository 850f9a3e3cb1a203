import { expect, test } from "./support/test";
import { seedUser, setSignupOpen, uniqueEmail } from "./support/accounts";
import { APP_ALERT } from "./support/locators";

test("a wrong password and an unknown email get the same message", async ({ page }) => {
  const account = await seedUser(uniqueEmail("wrongpw"));
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(APP_ALERT)).toHaveText("Wrong email or password.");

  await page.getByLabel("Email").fill(uniqueEmail("nobody"));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(APP_ALERT)).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("empty fields are explained before anything is sent", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your email address.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();
});

test("repeated failures on one account are throttled with a 429 and a sentence saying when to retry", async ({ page }) => {
  const account = await seedUser(uniqueEmail("throttle"));
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill("wrong-password");
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    const response = page.waitForResponse((res) => res.url().includes("/api/auth/callback/credentials"));
    await page.getByRole("button", { name: "Sign in" }).click();
    expect((await response).status()).toBe(401);
    await expect(page.locator(APP_ALERT)).toHaveText("Wrong email or password.");
  }

  const blocked = page.waitForResponse((res) => res.url().includes("/api/auth/callback/credentials"));
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  const res = await blocked;
  expect(res.status()).toBe(429);
  expect(Number(res.headers()["retry-after"])).toBeGreaterThan(0);
  await expect(page.locator(APP_ALERT)).toHaveText(/^Too many failed sign-in attempts\. Try again in (1[0-5]) minutes\.$/);
  await expect(page).toHaveURL(/\/sign-in/);
});

test.describe("with public sign-up open", () => {
  test.beforeEach(() => setSignupOpen(true));
  test.afterEach(() => setSignupOpen(false));

  test("sign-up explains each invalid field, and a taken email is not revealed", async ({ page }) => {
    await page.goto("/sign-up");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
    await expect(page.getByText("Use at least 10 characters for your password.")).toBeVisible();

    const taken = await seedUser(uniqueEmail("taken"));
    await page.getByLabel("Email").fill(taken.email.toUpperCase());
    await page.getByLabel("Password").fill("long-enough-password");
    const answer = page.waitForResponse((res) => res.url().endsWith("/api/sign-up"));
    await page.getByRole("button", { name: "Create account" }).click();
    expect((await answer).status()).toBe(202);
    await expect(page.locator(APP_ALERT)).toHaveText(
      "Could not sign you in with this password. If you already had an account with this email, sign in with its password.",
    );
    await expect(page.getByText("An account with this email already exists.")).toHaveCount(0);
  });
});
