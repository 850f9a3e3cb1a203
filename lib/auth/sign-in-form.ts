// The sign-in form, parsed once. The throttle and next-auth must judge the same credentials: a body
// with two `email` fields let the pre-check read the first and next-auth the last, so duplicate fields
// are refused and next-auth is handed a body rebuilt from the single parsed values.
import { z } from "zod";
import { emailSchema } from "@/lib/schemas/auth";

/** Larger than any honest form (email 254, password 1024, token, callback URL). */
export const SIGN_IN_BODY_LIMIT = 8 * 1024;

const FORM_TYPE = "application/x-www-form-urlencoded";

const signInFormSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1024, "That password is too long."),
  csrfToken: z.string({ error: "The sign-in form is missing its security token. Reload the page and try again." }).min(1).max(512),
  callbackUrl: z.string().max(2048).optional(),
  json: z.enum(["true", "false"]).optional(),
  redirect: z.enum(["true", "false"]).optional(),
});

export type SignInForm = z.infer<typeof signInFormSchema>;

export type SignInFormResult = { ok: true; form: SignInForm; body: string } | { ok: false; message: string };

const WRONG_TYPE = "Send the sign-in form as application/x-www-form-urlencoded, the way the sign-in page does.";

/** Parses the body of POST /api/auth/callback/credentials. `body` is the raw text, `contentType` its header. */
export function parseSignInForm(contentType: string | null, body: string): SignInFormResult {
  const mediaType = contentType?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== FORM_TYPE) return { ok: false, message: WRONG_TYPE };
  if (body.length > SIGN_IN_BODY_LIMIT) return { ok: false, message: "The sign-in form is too large." };
  if (body.trim() === "") return { ok: false, message: "The sign-in form is empty. Enter your email and password." };
  const params = new URLSearchParams(body);
  const fields: Record<string, string> = {};
  for (const [key, value] of params) {
    if (Object.hasOwn(fields, key)) return { ok: false, message: `The sign-in form has more than one "${key.slice(0, 40)}" field.` };
    fields[key] = value;
  }
  const parsed = signInFormSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "The sign-in form is not valid." };
  const form = parsed.data;
  // Only the fields next-auth needs, each once, with the email as the throttle saw it.
  const rebuilt = new URLSearchParams({ email: form.email, password: form.password, csrfToken: form.csrfToken });
  if (form.callbackUrl !== undefined) rebuilt.set("callbackUrl", form.callbackUrl);
  if (form.json !== undefined) rebuilt.set("json", form.json);
  if (form.redirect !== undefined) rebuilt.set("redirect", form.redirect);
  return { ok: true, form, body: rebuilt.toString() };
}
