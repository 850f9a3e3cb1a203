// At phone width the closed sidebar is off-screen, and so out of the keyboard's way: `inert` until
// opened. A "Skip to chat" link is the first Tab stop.
import { expect, test, type Page } from "./support/test";
import { newUser } from "./support/accounts";

async function focusedIsIn(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => Boolean(document.activeElement?.closest(sel)), selector);
}

test("on a phone the closed sidebar is out of the Tab order, and Skip to chat leads to the chat", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await newUser(page, "phone-tab");
  await page.goto("/");
  const messageBox = page.getByRole("textbox", { name: "Message" });
  await expect(messageBox).toBeEnabled();
  await expect(page.locator("#sidebar")).toHaveAttribute("inert", "");

  // From the top of the page to the message box, no stop is in the hidden sidebar.
  let reached = false;
  for (let stop = 0; stop < 12 && !reached; stop += 1) {
    await page.keyboard.press("Tab");
    if (stop === 0) await expect(page.getByRole("link", { name: "Skip to chat" })).toBeFocused();
    expect(await focusedIsIn(page, "#sidebar")).toBe(false);
    reached = await messageBox.evaluate((element) => element === document.activeElement);
  }
  expect(reached).toBe(true);

  // Skip to chat moves focus past the header into the chat.
  await page.reload();
  await expect(messageBox).toBeEnabled();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  expect(await focusedIsIn(page, "#main")).toBe(true);

  // Opened, the drawer is usable from the keyboard; closed again, it is inert again.
  await page.getByRole("button", { name: "Open sidebar" }).click();
  await expect(page.locator("#sidebar")).not.toHaveAttribute("inert", "");
  await page.getByRole("button", { name: "Close sidebar" }).focus();
  await page.keyboard.press("Tab");
  expect(await focusedIsIn(page, "#sidebar")).toBe(true);
  await page.keyboard.press("Escape");
  await expect(page.locator("#sidebar")).toHaveAttribute("inert", "");
});

test("on a wide screen the sidebar is never inert", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await newUser(page, "wide-tab");
  await page.goto("/");
  await expect(page.getByRole("textbox", { name: "Message" })).toBeEnabled();
  await expect(page.locator("#sidebar")).not.toHaveAttribute("inert", "");
});
