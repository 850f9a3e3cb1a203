// Sign-in and sign-up form schemas, shared by the browser forms and the server handlers.
import { z } from "zod";

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1024, "That password is too long."),
});

export const signUpSchema = z.object({
  name: z.string().trim().max(100, "Keep your name under 100 characters.").optional().default(""),
  email: emailSchema,
  password: z
    .string({ error: "Choose a password." })
    .min(10, "Use at least 10 characters for your password.")
    .max(200, "Keep your password under 200 characters."),
});

export type SignUpInput = z.infer<typeof signUpSchema>;

const newPasswordSchema = z
  .string({ error: "Choose a password." })
  .min(10, "Use at least 10 characters for your password.")
  .max(200, "Keep your password under 200 characters.");

const linkTokenSchema = z.string({ error: "This link is not complete." }).regex(/^[A-Za-z0-9_-]{43}$/, "This link is not complete: copy the whole link.");

export const changePasswordSchema = z.object({
  currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(1024),
  newPassword: newPasswordSchema,
});

export const acceptInviteSchema = z.object({
  token: linkTokenSchema,
  name: z.string().trim().max(100, "Keep your name under 100 characters.").optional().default(""),
  password: newPasswordSchema,
});

export const resetPasswordSchema = z.object({ token: linkTokenSchema, password: newPasswordSchema });

export const inviteSchema = z.object({ email: emailSchema, role: z.enum(["user", "admin"]).default("user") });
