import { describe, expect, it } from "vitest";
import { parseSignInForm } from "@/lib/auth/sign-in-form";

const FORM = "application/x-www-form-urlencoded";

describe("parseSignInForm", () => {
  it("refuses a form with two email fields (a decoy first, the victim last)", () => {
    const body = "email=decoy%40example.com&password=pw&csrfToken=t&email=victim%40example.com";
    expect(parseSignInForm(FORM, body)).toEqual({ ok: false, message: 'The sign-in form has more than one "email" field.' });
  });

  it("refuses a repeated password or token too", () => {
    expect(parseSignInForm(FORM, "email=a%40b.co&password=1&password=2&csrfToken=t").ok).toBe(false);
    expect(parseSignInForm(FORM, "email=a%40b.co&password=1&csrfToken=t&csrfToken=u").ok).toBe(false);
  });

  it("hands next-auth exactly the normalised email the throttle keys on, once", () => {
    const result = parseSignInForm(`${FORM}; charset=UTF-8`, "email=%20Ada%40Example.COM&password=secret&csrfToken=tok&json=true&callbackUrl=%2F&extra=x");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.form.email).toBe("ada@example.com");
    const rebuilt = new URLSearchParams(result.body);
    expect(rebuilt.getAll("email")).toEqual(["ada@example.com"]);
    expect(rebuilt.get("password")).toBe("secret");
    expect(rebuilt.has("extra")).toBe(false);
  });

  it("answers JSON, an empty body and a missing password with a sentence", () => {
    expect(parseSignInForm("application/json", '{"email":"a@b.co","password":"x"}')).toEqual({
      ok: false,
      message: "Send the sign-in form as application/x-www-form-urlencoded, the way the sign-in page does.",
    });
    expect(parseSignInForm(null, "")).toMatchObject({ ok: false });
    expect(parseSignInForm(FORM, "")).toEqual({ ok: false, message: "The sign-in form is empty. Enter your email and password." });
    expect(parseSignInForm(FORM, "email=a%40b.co&csrfToken=t")).toEqual({ ok: false, message: "Enter your password." });
  });
});
