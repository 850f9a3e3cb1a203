// Personal API keys: created on the account page and shown in full once, listed by prefix, revoked by
// their owner or an admin; the admin's per-user and instance-wide switches; and the assistant builder's
// "Use it through the API" panel. The API itself (/api/v1) has its own spec.
import { expect, test, type Page } from "./support/test";
import { newUser, signInAsAdmin } from "./support/accounts";
import { withDatabase } from "./support/seed";

const KEY_PATTERN = /^sb_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/;
const keysSchema = (body: unknown) =>
  body as { keys: { id: string; name: string; prefix: string; revokedAt: string | null; expiresAt: string | null }[]; access: string };

async function createKeyViaApi(page: Page, name: string, expiresInDays: number | null = 30) {
  const res = await page.request.post("/api/account/api-keys", { data: { name, expiresInDays } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { key: string; apiKey: { id: string; prefix: string } };
}

/** The instance-wide switch straight in the database: the safety net that leaves it on for other specs. */
async function setApiEnabled(enabled: boolean): Promise<void> {
  await withDatabase((client) =>
    client.query(
      `INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('apiEnabled', $1::jsonb, now())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = now()`,
      [JSON.stringify(enabled)],
    ),
  );
}

test("a key is shown in full once, then only by its prefix; its owner revokes it, and nobody else can", async ({ page, browser }) => {
  test.slow();
  await newUser(page, "keys");
  await page.goto("/account");
  await expect(page.getByTestId("api-keys-empty")).toHaveText("You have no API keys yet.");

  await page.getByLabel("Key name").fill("Laptop script");
  await page.getByLabel("Expires").selectOption({ label: "Never" });
  await page.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByTestId("new-api-key");
  await expect(shown).toContainText("it won't be shown again");
  const key = await shown.getByRole("textbox", { name: "New API key" }).inputValue();
  expect(key).toMatch(KEY_PATTERN);
  const prefix = key.slice(0, 11);

  const row = page.locator(`[data-testid="api-key-row"][data-prefix="${prefix}"]`);
  await expect(row).toContainText("Laptop script");
  await expect(row.getByTestId("api-key-prefix")).toHaveText(`${prefix}…`);
  await expect(row.getByTestId("api-key-state")).toHaveText("Active");
  await expect(row.getByTestId("api-key-last-used")).toHaveText("never used");
  await expect(row.getByTestId("api-key-expiry")).toHaveText("never");
  await expect(row.getByTestId("api-key-usage")).toHaveText("0 requests · 0 tokens");
  await expect(page.getByTestId("api-base-url")).toContainText(/\/api\/v1$/);

  // The list the API answers holds the prefix, never the key.
  const listed = await page.request.get("/api/account/api-keys");
  expect(listed.status()).toBe(200);
  const listedText = await listed.text();
  expect(listedText).not.toContain(key);
  expect(listedText).not.toContain(key.slice(12));
  const list = keysSchema(JSON.parse(listedText));
  expect(list.access).toBe("on");
  expect(list.keys.map((item) => item.prefix)).toEqual([prefix]);

  // After a reload only the prefix is left.
  await page.reload();
  await expect(row.getByTestId("api-key-state")).toHaveText("Active");
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  expect(await page.content()).not.toContain(key);

  // Another user cannot revoke it: their DELETE is a 404, as for a key that does not exist.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await newUser(other, "keys-other");
  const foreign = await other.request.delete(`/api/account/api-keys/${list.keys[0]?.id}`);
  expect(foreign.status()).toBe(404);
  expect((await foreign.json()).error.message).toBe("That API key does not exist, or it was revoked already.");
  await otherContext.close();

  await row.getByRole("button", { name: "Revoke Laptop script" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Revoke “Laptop script”?" });
  await expect(dialog).toContainText(`${prefix}…`);
  await dialog.getByRole("button", { name: "Revoke key" }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByTestId("api-key-state")).toHaveText("Revoked");
  await expect(row.getByRole("button", { name: "Revoke Laptop script" })).toHaveCount(0);
  await page.reload();
  await expect(row.getByTestId("api-key-state")).toHaveText("Revoked");

  // A name is required, said in words.
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("Give the key a name, such as the script or tool that will use it.")).toBeVisible();
});

test("an admin sees a user's key on the API keys page and revokes it; it is audit-logged and only admins may", async ({ page, browser }) => {
  test.slow();
  const userContext = await browser.newContext();
  const userPage = await userContext.newPage();
  const user = await newUser(userPage, "keys-admin");
  const { apiKey } = await createKeyViaApi(userPage, "Build server");
  expect((await userPage.request.delete(`/api/admin/api-keys/${apiKey.id}`)).status()).toBe(403);

  await signInAsAdmin(page);
  await page.goto("/admin/users");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
  const row = page.locator(`[data-testid="admin-api-key-row"][data-prefix="${apiKey.prefix}"]`);
  await expect(row).toContainText(user.email);
  await expect(row).toContainText("Build server");
  await expect(row).toContainText("never used");
  await expect(row.getByTestId("api-key-state")).toHaveText("Active");

  await row.getByRole("button", { name: `Revoke Build server of ${user.email}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(row.getByTestId("api-key-state")).toHaveText("Revoked");

  const mine = keysSchema(await (await userPage.request.get("/api/account/api-keys")).json());
  expect(mine.keys.find((key) => key.id === apiKey.id)?.revokedAt).not.toBeNull();
  await userPage.goto("/account");
  await expect(userPage.locator(`[data-testid="api-key-row"][data-prefix="${apiKey.prefix}"]`).getByTestId("api-key-state")).toHaveText("Revoked");

  await page.goto("/admin/audit");
  await expect(page.locator('[data-testid="audit-entry"][data-action="api_key.revoke"]').first()).toContainText(`Revoked the API key ${apiKey.prefix}… of ${user.email}`);
  await userContext.close();
});

test("an admin turns one user's API access off: their account page says so and refuses new keys, until it is back on", async ({ page, browser }) => {
  test.slow();
  const userContext = await browser.newContext();
  const userPage = await userContext.newPage();
  const user = await newUser(userPage, "keys-access");

  await signInAsAdmin(page);
  await page.goto(`/admin/users?q=${encodeURIComponent(user.email)}`);
  const toggle = page.getByRole("switch", { name: `API access of ${user.email}` });
  await expect(toggle).toBeChecked();
  await toggle.click();
  await expect(toggle).not.toBeChecked();
  await page.reload();
  await expect(page.getByRole("switch", { name: `API access of ${user.email}` })).not.toBeChecked();

  await userPage.goto("/account");
  await expect(userPage.getByTestId("api-access-notice")).toHaveText(/^Your admin has turned off API access for your account/);
  await expect(userPage.getByRole("button", { name: "Create key" })).toHaveCount(0);
  const refused = await userPage.request.post("/api/account/api-keys", { data: { name: "Sneaky", expiresInDays: null } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toBe("Your admin has turned off API access for your account, so a new key would not work.");
  expect(keysSchema(await (await userPage.request.get("/api/account/api-keys")).json()).access).toBe("user_off");

  await page.goto("/admin/audit");
  await expect(page.locator('[data-testid="audit-entry"][data-action="user.api_off"]').first()).toContainText(`Stopped API access for ${user.email}`);

  await page.goto(`/admin/users?q=${encodeURIComponent(user.email)}`);
  await page.getByRole("switch", { name: `API access of ${user.email}` }).click();
  await expect(page.getByRole("switch", { name: `API access of ${user.email}` })).toBeChecked();
  await userPage.reload();
  await expect(userPage.getByTestId("api-access-notice")).toHaveCount(0);
  await expect(userPage.getByRole("button", { name: "Create key" })).toBeVisible();
  await userContext.close();
});

test("the instance-wide switch turns the API off for everyone, and back on", async ({ page, browser }) => {
  test.slow();
  const userContext = await browser.newContext();
  const userPage = await userContext.newPage();
  await newUser(userPage, "keys-instance");
  try {
    await signInAsAdmin(page);
    await page.goto("/admin/api-keys");
    const toggle = page.getByRole("switch", { name: "Allow API access" });
    await expect(toggle).toBeChecked();
    await toggle.click();
    await expect(page.getByTestId("api-state")).toHaveText(/^Off/);

    await userPage.goto("/account");
    await expect(userPage.getByTestId("api-access-notice")).toHaveText(/^The API is turned off on this Switchboard/);
    expect((await userPage.request.post("/api/account/api-keys", { data: { name: "Nope", expiresInDays: 30 } })).status()).toBe(403);

    await page.reload();
    await page.getByRole("switch", { name: "Allow API access" }).click();
    await expect(page.getByTestId("api-state")).toHaveText(/^On/);
    await userPage.reload();
    await expect(userPage.getByTestId("api-access-notice")).toHaveCount(0);
    await page.goto("/admin/audit");
    await expect(page.locator('[data-testid="audit-entry"][data-action="settings.api"]').first()).toHaveText(/Turned the API on/);
  } finally {
    await setApiEnabled(true);
    await userContext.close();
  }
});

test("the assistant builder shows the assistant's API model name and snippets, and keeps an action's API approval choice", async ({ page, baseURL }) => {
  test.slow();
  await newUser(page, "keys-builder");
  const spec = JSON.stringify({
    openapi: "3.0.3",
    info: { title: "Tickets", version: "1" },
    servers: [{ url: "https://tickets.example.com" }],
    paths: { "/tickets": { post: { operationId: "createTicket", responses: { 200: { description: "OK" } } } } },
  });
  const created = await page.request.post("/api/assistants", {
    data: { name: "Release Notes", actions: [{ id: crypto.randomUUID(), spec, auth: { type: "none" } }] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { assistant } = (await created.json()) as { assistant: { id: string; slug: string } };
  expect(assistant.slug).toMatch(/^release-notes-[a-z0-9]+$/);
  const model = `assistant:${assistant.slug}`;
  const base = `${baseURL}/api/v1`;

  await page.goto(`/assistants/${assistant.id}/edit`);
  const panel = page.getByTestId("assistant-api-panel");
  await expect(panel.getByRole("heading", { name: "Use it through the API" })).toBeVisible();
  await expect(panel.getByTestId("assistant-model-id")).toHaveText(model);
  await expect(panel.getByRole("link", { name: "Create a key on your account page" })).toHaveAttribute("href", "/account");

  const snippet = panel.getByTestId("assistant-api-snippet").locator("pre");
  await expect(snippet).toContainText(`curl '${base}/chat/completions'`);
  await expect(snippet).toContainText('-H "Authorization: Bearer $SWITCHBOARD_API_KEY"');
  await expect(snippet).toContainText(`"model": "${model}"`);
  await panel.getByRole("button", { name: "Python" }).click();
  await expect(snippet).toContainText(`client = OpenAI(base_url="${base}", api_key=os.environ["SWITCHBOARD_API_KEY"])`);
  await expect(snippet).toContainText(`model="${model}"`);
  await panel.getByRole("button", { name: "TypeScript" }).click();
  await expect(snippet).toContainText(`new OpenAI({ baseURL: "${base}", apiKey: process.env.SWITCHBOARD_API_KEY })`);
  await expect(snippet).toContainText(`model: "${model}"`);

  // The action's choice: off by default, kept once saved.
  const approval = page.getByRole("checkbox", { name: "Through the API, run operations without approval" });
  await expect(approval).not.toBeChecked();
  await approval.check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("assistant-current-version")).toContainText("Version 2 is current");
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Through the API, run operations without approval" })).toBeChecked();
  const saved = await (await page.request.get(`/api/assistants/${assistant.id}`)).json();
  expect(saved.assistant.config.actions[0].allowApiWithoutApproval).toBe(true);
});
