// Model output as Markdown: GitHub-flavoured Markdown (tables, strikethrough, task lists), math with
// KaTeX and highlighted code render, live and after a reload, while raw HTML, javascript: links and
// KaTeX's \href stay inert. The model is the fake OpenAI-compatible server, told what to answer.
import { expect, test, type Page } from "./support/test";
import { startFakeLlm, type FakeLlm } from "./fake-llm/server";
import { newUser } from "./support/accounts";
import { seedModel } from "./support/seed";

let fake: FakeLlm;

test.beforeAll(async () => {
  fake = await startFakeLlm({ models: ["markdown-model"] });
  await seedModel({ baseUrl: fake.url, endpointName: "Markdown fake", modelName: "markdown-model" });
});

test.afterAll(async () => {
  await fake.close();
});

const messageBox = (page: Page) => page.getByRole("textbox", { name: "Message" });
const answers = (page: Page) => page.locator('[data-role="assistant"]');

/** Asks the fake model to answer exactly `reply` and waits until the turn has ended. */
async function askFor(page: Page, reply: string) {
  await messageBox(page).fill(`[[reply:${reply}]]`);
  await messageBox(page).press("Enter");
  await expect(page.getByRole("button", { name: "Send" })).toBeVisible({ timeout: 15_000 });
}

const RICH = [
  "Here is everything:",
  "",
  "| Planet | Moons |",
  "| --- | --- |",
  "| Mars | 2 |",
  "",
  "This is ~~wrong~~ right.",
  "",
  "- [x] packed",
  "- [ ] left",
  "",
  "```ts",
  "function add(a: number) {",
  "  return a + 1;",
  "}",
  "```",
  "",
  "$$",
  "E = mc^2",
  "$$",
  "",
  "Inline too: \\(a^2 + b^2 = c^2\\).",
].join("\n");

test("a table, a strike, a task list, highlighted code and math render, live and after a reload", async ({ page }) => {
  await newUser(page, "markdown-rich");
  await page.goto("/");
  await askFor(page, RICH);
  const answer = answers(page).last();

  async function expectRendered() {
    await expect(answer.locator("table")).toBeVisible();
    await expect(answer.locator("table th").first()).toHaveText("Planet");
    await expect(answer.locator("table td").first()).toHaveText("Mars");
    await expect(answer.locator("del")).toHaveText("wrong");
    const boxes = answer.locator('input[type="checkbox"]');
    await expect(boxes).toHaveCount(2);
    await expect(boxes.first()).toBeChecked();
    await expect(boxes.last()).not.toBeChecked();
    // Shiki gives each token its own colour: the keyword and the function's name are coloured spans.
    const keyword = answer.locator("pre span", { hasText: /^function$/ }).first();
    const name = answer.locator("pre span", { hasText: /^add$/ }).first();
    await expect(keyword).toHaveAttribute("style", /--sdm-c:\s*#/);
    await expect(name).toHaveAttribute("style", /--sdm-c:\s*#/);
    const colour = (token: typeof keyword) => token.evaluate((element) => getComputedStyle(element).color);
    expect(await colour(keyword)).not.toBe(await colour(name));
    // Both the display formula and the \( \) inline formula are typeset by KaTeX, with its CSS applied.
    await expect(answer.locator(".katex-display .katex")).toHaveCount(1);
    await expect(answer.locator(".katex")).toHaveCount(2);
    // KaTeX's stylesheet is applied: it moves the MathML copy (for screen readers) out of sight.
    await expect(answer.locator(".katex-mathml").first()).toHaveCSS("position", "absolute");
    await expect(answer).not.toContainText("$$");
    await expect(answer).not.toContainText("~~");
    await expect(answer).not.toContainText("| --- |");
  }
  await expectRendered();
  await page.reload();
  await expect(answers(page)).toHaveCount(1);
  await expectRendered();
});

test("KaTeX's stylesheet comes from the app, not a CDN", async ({ page }) => {
  const outside: string[] = [];
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (url.hostname !== "127.0.0.1" && url.protocol !== "data:" && url.protocol !== "blob:") outside.push(req.url());
  });
  await newUser(page, "markdown-offline");
  await page.goto("/");
  await askFor(page, "$$\n\\frac{1}{2}\n$$");
  await expect(answers(page).last().locator(".katex-display .katex")).toBeVisible();
  // A KaTeX font loaded means its stylesheet (with the @font-face rules) is the app's own.
  await expect.poll(() => page.evaluate(() => [...document.fonts].some((font) => font.family.includes("KaTeX") && font.status === "loaded"))).toBe(true);
  expect(outside).toEqual([]);
});

test("with GFM and math on, raw HTML, javascript: links and \\href stay inert", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await newUser(page, "markdown-xss");
  await page.goto("/");
  const reply = [
    "| a | b |",
    "| --- | --- |",
    "| <img src=x onerror=alert(1)> | <script>window.__xss=1</script> |",
    "",
    "[click](javascript:alert(2)) and javascript:alert(3) and <a href=\"javascript:alert(4)\">raw</a>",
    "",
    "- [ ] <img src=y onerror=alert(5)>",
    "",
    "$$",
    "\\href{javascript:alert(6)}{formula}",
    "$$",
  ].join("\n");
  await askFor(page, reply);
  const answer = answers(page).last();

  async function expectInert() {
    await expect(answer.locator("table")).toBeVisible();
    await expect(answer.locator("table")).toContainText("<img src=x onerror=alert(1)>");
    await expect(answer.locator("table")).toContainText("<script>window.__xss=1</script>");
    await expect(answer).toContainText('<a href="javascript:alert(4)">raw</a>');
    await expect(answer.locator(".katex-display")).toBeVisible();
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    await expect(page.locator('[href^="javascript:" i], [src^="javascript:" i]')).toHaveCount(0);
    await expect(answer.locator("script, img, iframe, [onerror]")).toHaveCount(0);
    // Clicking what looks like a link does nothing either.
    await answer.getByText(/^click/).first().click();
    await answer.locator(".katex-display .katex-html").click();
    expect(dialogs).toEqual([]);
  }
  await expectInert();
  await page.reload();
  await expect(answers(page)).toHaveCount(1);
  await expectInert();
});
