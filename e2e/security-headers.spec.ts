// Security headers: every page has a Content-Security-Policy with a fresh nonce on Next's scripts, no
// inline handlers, images only from the app, never framed; nosniff and a same-origin Referrer-Policy;
// signed-in pages and JSON are never cached. And the suite's CSP guard (support/test.ts) really fails.
import { newUser } from "./support/accounts";
import { expect, test } from "./support/test";

test("pages carry a nonce-based CSP, nosniff, Referrer-Policy same-origin, and signed-in answers no-store", async ({ page }) => {
  const signIn = await page.request.get("/sign-in");
  const policy = signIn.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(policy).not.toContain("unsafe-inline' 'strict");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(policy).toContain("img-src 'self' data: blob:");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(signIn.headers()["x-content-type-options"]).toBe("nosniff");
  expect(signIn.headers()["referrer-policy"]).toBe("same-origin");
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  const html = await signIn.text();
  expect(html).toContain(`nonce="${nonce}"`);
  // A fresh nonce per response.
  const again = (await page.request.get("/sign-in")).headers()["content-security-policy"];
  expect(again).not.toBe(policy);

  await newUser(page, "headers");
  const home = await page.goto("/");
  expect(home?.headers()["cache-control"]).toContain("no-store");
  await expect(page.getByRole("heading", { name: /^Welcome/ })).toBeVisible();
  const me = await page.request.get("/api/me");
  expect(me.headers()["cache-control"]).toContain("no-store");
  expect(me.headers()["x-content-type-options"]).toBe("nosniff");
});

test("the suite's guard sees a page break the CSP (and would fail the test)", async ({ page, cspViolations }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  expect(cspViolations).toEqual([]);
  await page.evaluate(() => {
    const img = document.createElement("img");
    img.src = "http://127.0.0.2:9/tracker.png";
    document.body.append(img);
  });
  await expect.poll(() => cspViolations.join("\n")).toContain("img-src");
  // Seen, so cleared: left in the list, it would fail this test at the end.
  cspViolations.length = 0;
});
