// Sign-in and sign-up probed from outside: duplicate fields, bad bodies, spoofed X-Forwarded-For, a
// stranger trying to lock an account, and sign-up enumeration and flooding. Several clients are played
// from different loopback source addresses (127.0.0.x), which is what the app now keys throttling on.
import { expect, test } from "./support/test";
import { seedUser, setSignupOpen, uniqueEmail } from "./support/accounts";
import { rawRequest, signInFrom, signedIn } from "./support/loopback-client";

const FORM = { "content-type": "application/x-www-form-urlencoded" };

function errorMessage(text: string): string {
  return (JSON.parse(text) as { error: { message: string } }).error.message;
}

test("a sign-in form with two email fields (decoy first, victim last) is refused with a sentence", async ({ baseURL }) => {
  const victim = await seedUser(uniqueEmail("victim"));
  const res = await signInFrom(baseURL!, "127.0.0.1", [
    ["email", uniqueEmail("decoy")],
    ["password", "guess-1"],
    ["email", victim.email],
  ]);
  expect(res.status).toBe(400);
  expect(errorMessage(res.text)).toBe('The sign-in form has more than one "email" field.');
});

test("sign-in posted as JSON, empty, or fetched with GET answers a 4xx with a sentence", async ({ request }) => {
  const json = await request.post("/api/auth/callback/credentials", { data: { email: "a@b.co", password: "x" } });
  expect(json.status()).toBe(400);
  expect((await json.json()).error.message).toBe("Send the sign-in form as application/x-www-form-urlencoded, the way the sign-in page does.");

  const empty = await request.post("/api/auth/callback/credentials", { headers: FORM, data: "" });
  expect(empty.status()).toBe(400);
  expect((await empty.json()).error.message).toBe("The sign-in form is empty. Enter your email and password.");

  const noType = await request.fetch("/api/auth/callback/credentials", { method: "POST" });
  expect(noType.status()).toBe(400);
  expect((await noType.json()).error.message).toMatch(/^Send the sign-in form/);

  const get = await request.get("/api/auth/callback/credentials");
  expect(get.status()).toBe(400);
  expect((await get.json()).error.message).toBe("Sign in on the sign-in page: this address only accepts its form.");
});

test("a stranger spoofing X-Forwarded-For is throttled by their socket address and cannot lock the honest user out", async ({ baseURL }) => {
  const victim = await seedUser(uniqueEmail("honest"), "the-right-password-1");
  const stranger = "127.0.0.2";
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    // A new address per request, then the honest user's own address in both spellings.
    const spoofed = attempt <= 3 ? `203.0.113.${attempt}` : attempt === 4 ? "127.0.0.1" : "::ffff:127.0.0.1";
    const res = await signInFrom(baseURL!, stranger, [["email", victim.email], ["password", `wrong-${attempt}`]], { "x-forwarded-for": spoofed });
    expect(res.status, res.text).toBe(401);
  }
  // Spreading over spoofed addresses did not spread the count: the stranger's socket is locked out...
  const blocked = await signInFrom(baseURL!, stranger, [["email", victim.email], ["password", "wrong-6"]], { "x-forwarded-for": "198.51.100.7" });
  expect(blocked.status).toBe(429);
  expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
  expect(errorMessage(blocked.text)).toMatch(/^Too many failed sign-in attempts\. Try again in 1[0-5] minutes\.$/);
  // ...and the honest user, from their own address, signs in with the right password.
  const honest = await signInFrom(baseURL!, "127.0.0.1", [["email", victim.email], ["password", "the-right-password-1"]]);
  expect(honest.status, honest.text).toBe(200);
  expect(signedIn(honest)).toBe(true);
});

test.describe("with public sign-up open", () => {
  test.beforeEach(() => setSignupOpen(true));
  test.afterEach(() => setSignupOpen(false));

  test("sign-up answers the same whether or not the email already has an account", async ({ request }) => {
    const taken = await seedUser(uniqueEmail("taken"));
    const existing = await request.post("/api/sign-up", { data: { email: taken.email, password: "another-password-1", name: "" } });
    const fresh = await request.post("/api/sign-up", { data: { email: uniqueEmail("fresh"), password: "another-password-1", name: "" } });
    expect(existing.status()).toBe(fresh.status());
    expect(await existing.text()).toBe(await fresh.text());
    expect(fresh.status()).toBe(202);
  });

  test("sign-up is rate limited per address with a 429, Retry-After and a sentence", async ({ baseURL }) => {
    const from = "127.0.0.3";
    const attempt = () =>
      rawRequest(baseURL!, {
        from,
        method: "POST",
        path: "/api/sign-up",
        headers: { "content-type": "application/json", "x-forwarded-for": `192.0.2.${Math.floor(Math.random() * 250)}` },
        body: JSON.stringify({ email: "not-an-email", password: "short" }),
      });
    for (let index = 0; index < 10; index += 1) expect((await attempt()).status).toBe(422);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(errorMessage(limited.text)).toMatch(/^Too many sign-up attempts from your network\. Try again in \d+ minutes?\.$/);
  });
});
