import { readCapped } from "@/lib/http/read-json";
import { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { clientIp } from "@/lib/auth/client-ip";
import { authOptions } from "@/lib/auth/options";
import { SIGN_IN_BODY_LIMIT, parseSignInForm } from "@/lib/auth/sign-in-form";
import { retryMessage, signInBlockedFor } from "@/lib/auth/throttle";
import { countSignInFailure } from "@/lib/metrics/registry";
import { AppError, toResponse } from "@/lib/errors";

type Ctx = { params: Promise<{ nextauth: string[] }> };

const CREDENTIALS_CALLBACK = "callback/credentials";

function handler(req: NextRequest, ctx: Ctx): Promise<Response> {
  return NextAuth(authOptions())(req, ctx) as Promise<Response>;
}

export async function GET(req: NextRequest, ctx: Ctx): Promise<Response> {
  const { nextauth } = await ctx.params;
  if (nextauth.join("/") === CREDENTIALS_CALLBACK) {
    return toResponse(new AppError("bad_request", "Sign in on the sign-in page: this address only accepts its form.", { headers: { Allow: "POST" } }));
  }
  return handler(req, ctx);
}

// The credentials form is parsed once here: duplicate fields are refused, a throttled account or address
// gets a 429 that says when to try again (next-auth itself can only answer 401), and next-auth is
// handed a body rebuilt from the values the throttle judged.
export async function POST(req: NextRequest, ctx: Ctx): Promise<Response> {
  const { nextauth } = await ctx.params;
  if (nextauth.join("/") !== CREDENTIALS_CALLBACK) return handler(req, ctx);
  try {
    const text = await readLimited(req);
    const parsed = parseSignInForm(req.headers.get("content-type"), text);
    if (!parsed.ok) throw new AppError("bad_request", parsed.message);
    const wait = await signInBlockedFor(parsed.form.email, clientIp(req.headers));
    if (wait !== null) {
      countSignInFailure("throttled");
      throw new AppError("rate_limited", `Too many failed sign-in attempts. ${retryMessage(wait)}`, {
        headers: { "Retry-After": String(wait) },
      });
    }
    const headers = new Headers(req.headers);
    headers.delete("content-length");
    return handler(new NextRequest(req.url, { method: "POST", headers, body: parsed.body }), ctx);
  } catch (error) {
    return toResponse(error);
  }
}

function readLimited(req: Request): Promise<string> {
  return readCapped(req, SIGN_IN_BODY_LIMIT);
}
