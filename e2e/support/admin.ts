// Admin UI steps shared by the endpoint specs.
import { expect, type Page } from "@playwright/test";

/** Adds an endpoint through the form and returns its id (from the URL it lands on). */
export async function addEndpointViaUi(
  page: Page,
  options: { preset: string; name: string; baseUrl: string; apiKey?: string },
): Promise<string> {
  await page.goto("/admin/endpoints/new");
  await page.getByLabel("Server type").selectOption({ label: options.preset });
  await page.getByLabel("Name").fill(options.name);
  await page.getByLabel("Base URL").fill(options.baseUrl);
  if (options.apiKey) await page.getByLabel("API key").fill(options.apiKey);
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page).toHaveURL(/\/admin\/endpoints\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: options.name, level: 1 })).toBeVisible();
  return page.url().split("/").at(-1) ?? "";
}

export async function testConnection(page: Page) {
  const done = page.waitForResponse((res) => /\/api\/admin\/endpoints\/[^/]+\/test$/.test(res.url()));
  await page.getByRole("button", { name: "Test connection" }).click();
  await done;
  await expect(page.getByTestId("probe-summary")).toBeVisible();
}

export async function enableAndMakeDefault(page: Page, modelName: string) {
  const row = page.getByTestId("model-row").filter({ has: page.locator(`[data-model="${modelName}"]`) }).or(page.locator(`[data-testid="model-row"][data-model="${modelName}"]`));
  await row.getByRole("checkbox", { name: `Enable ${modelName}` }).check();
  await expect(row.getByRole("checkbox", { name: `Enable ${modelName}` })).toBeChecked();
  await row.getByRole("button", { name: `Make ${modelName} the default` }).click();
  await expect(row.getByText("Default", { exact: true })).toBeVisible();
}
