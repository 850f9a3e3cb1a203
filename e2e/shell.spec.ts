import { expect, test } from "./support/test";
import { newUser } from "./support/accounts";

test("health answers ok with the database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", database: "ok" });
});

test("the theme toggle switches between system, light and dark and is remembered", async ({ page }) => {
  await newUser(page, "theme");
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const html = page.locator("html");
  await page.getByRole("button", { name: /^System theme/ }).click();
  await expect(html).toHaveClass(/(^|\s)light(\s|$)/);
  await page.getByRole("button", { name: /^Light theme/ }).click();
  await expect(html).toHaveClass(/(^|\s)dark(\s|$)/);
  await page.reload();
  await expect(html).toHaveClass(/(^|\s)dark(\s|$)/);
  await expect(page.getByRole("button", { name: /^Dark theme/ })).toBeVisible();
});

test("on a phone the sidebar is a drawer that opens and closes", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const account = await newUser(page, "phone");
  await page.goto("/");
  const sidebar = page.getByRole("complementary", { name: "Sidebar" });
  await expect(sidebar).not.toBeInViewport();
  await page.getByRole("button", { name: "Open sidebar" }).click();
  await expect(sidebar).toBeInViewport();
  await expect(sidebar.getByText(account.email)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(sidebar).not.toBeInViewport();
});

test("the app has an icon and a web manifest, reachable before signing in", async ({ page, request }) => {
  await page.goto("/sign-in");
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(manifestHref).toBe("/manifest.webmanifest");
  const manifest = await request.get(manifestHref!);
  expect(manifest.status()).toBe(200);
  const body = (await manifest.json()) as { name: string; icons: { src: string }[] };
  expect(body.name).toBe("Switchboard");
  const iconHrefs = await page.locator('link[rel="icon"]').evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  for (const src of [...new Set([...iconHrefs, ...body.icons.map((icon) => icon.src), "/favicon.ico"])]) {
    const icon = await request.get(src!.split("?")[0]!);
    expect(icon.status(), src!).toBe(200);
    expect(icon.headers()["content-type"], src!).toMatch(/^image\//);
  }
});
