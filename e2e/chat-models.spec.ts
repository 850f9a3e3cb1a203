// "Default" in the model picker means the default when the message is sent, resolved by the server:
// a page left open while an admin changes the default sends to the new one, and says which answered.
import { expect, test, type Page } from "./support/test";
import { startFakeLlm, type FakeLlm } from "./fake-llm/server";
import { newUser } from "./support/accounts";
import { seedModel, setDefaultModel, storedMessages, withDatabase, type SeededModel } from "./support/seed";

let fakeA: FakeLlm;
let fakeB: FakeLlm;
let modelA: SeededModel;
let modelB: SeededModel;

test.beforeAll(async () => {
  fakeA = await startFakeLlm({ replyPrefix: "[DA]", models: ["default-a"] });
  fakeB = await startFakeLlm({ replyPrefix: "[DB]", models: ["default-b"] });
  modelA = await seedModel({ baseUrl: fakeA.url, endpointName: "Default fake A", modelName: "default-a" });
  modelB = await seedModel({ baseUrl: fakeB.url, endpointName: "Default fake B", modelName: "default-b", makeDefault: false });
});

test.afterAll(async () => {
  await Promise.all([fakeA.close(), fakeB.close()]);
});

const messageBox = (page: Page) => page.getByRole("textbox", { name: "Message" });

async function send(page: Page, text: string) {
  await messageBox(page).fill(text);
  await messageBox(page).press("Enter");
  await expect(page.getByRole("button", { name: "Send" })).toBeVisible({ timeout: 15_000 });
}

test("a page left open sends to the new default after an admin changes it, and says which model answered", async ({ page }) => {
  await newUser(page, "models-default");
  await page.goto("/");
  const picker = page.getByRole("combobox", { name: "Model" });
  await expect(picker).toHaveValue("");
  await expect(picker.locator("option:checked")).toHaveText("Default");

  await send(page, "first question");
  await expect(page.locator('[data-role="assistant"]').last()).toContainText("[DA] Echo: first question");
  await expect(page.getByTestId("answered-by")).toHaveText("Last answer: default-a");
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").at(-1) ?? "";

  // The admin changes the default while the page stays open.
  await withDatabase((client) => setDefaultModel(client, modelB.modelId));
  try {
    await send(page, "second question");
    await expect(page.locator('[data-role="assistant"]').last()).toContainText("[DB] Echo: second question");
    await expect(page.getByTestId("answered-by")).toHaveText("Last answer: default-b");
    await expect(picker).toHaveValue("");
    expect((await storedMessages(id)).filter((row) => row.role === "assistant").map((row) => row.modelName)).toEqual(["default-a", "default-b"]);

    // Reopened, the conversation still follows the default (it never picked a model).
    await page.reload();
    await expect(picker).toHaveValue("");
    await expect(page.getByTestId("answered-by")).toHaveText("Last answer: default-b");
  } finally {
    await withDatabase((client) => setDefaultModel(client, modelA.modelId));
  }
});
