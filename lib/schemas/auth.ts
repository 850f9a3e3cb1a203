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
