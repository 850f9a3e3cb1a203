import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { clientIp } from "@/lib/auth/client-ip";
import { authOptions } from "@/lib/auth/options";
import { retryMessage, signInBlockedFor } from "@/lib/auth/throttle";
import { emailSchema } from "@/lib/schemas/auth";
import { AppError, toResponse } from "@/lib/errors";

type Ctx = { params: Promise<{ nextauth: string[] }> };

function handler(req: NextRequest, ctx: Ctx): Promise<Response> {
  return NextAuth(authOptions())(req, ctx) as Promise<Response>;
}

export const GET = handler;

// A throttled account or address is refused before next-auth checks the password, with a 429 that
// says when to try again (next-auth itself can only answer 401).
export async function POST(req: NextRequest, ctx: Ctx): Promise<Response> {
  const { nextauth } = await ctx.params;
  if (nextauth.join("/") === "callback/credentials") {
    try {
      const form = await req.clone().formData();
      const email = emailSchema.safeParse(form.get("email"));
      const wait = await signInBlockedFor(email.success ? email.data : "", clientIp(req.headers));
      if (wait !== null) {
        throw new AppError("rate_limited", `Too many failed sign-in attempts. ${retryMessage(wait)}`, {
          headers: { "Retry-After": String(wait) },
        });
      }
    } catch (error) {
      return toResponse(error);
    }
  }
  return handler(req, ctx);
}
