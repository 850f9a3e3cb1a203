// Every page gets a Content-Security-Policy with a fresh nonce (lib/http/csp.ts): set on the request, so
// Next puts the nonce on its scripts and the root layout can read it (x-nonce), and on the response.
// Also an early redirect of signed-out page visits to /sign-in. Only a convenience: every page, route
// handler and action checks the session against the database itself (lib/auth/session.ts).
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, createNonce } from "@/lib/http/csp";

const PUBLIC_PAGES = ["/sign-in", "/sign-up"];

export function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  const nonce = createNonce();
  const policy = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });

  const isPublic = PUBLIC_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`));
  const hasSession = req.cookies.has("next-auth.session-token") || req.cookies.has("__Secure-next-auth.session-token");
  let res: NextResponse;
  if (isPublic || hasSession) {
    const headers = new Headers(req.headers);
    headers.set("x-nonce", nonce);
    headers.set("Content-Security-Policy", policy);
    res = NextResponse.next({ request: { headers } });
  } else {
    const url = req.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = pathname === "/" ? "" : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    res = NextResponse.redirect(url);
  }
  res.headers.set("Content-Security-Policy", policy);
  // A signed-in page is the user's own: never kept by a shared cache or the back/forward cache of another user.
  if (hasSession) res.headers.set("Cache-Control", "private, no-store");
  return res;
}

export const config = {
  // Pages only: API routes answer 401 themselves, and static files need no session.
  matcher: ["/((?!api/|_next/|favicon.ico|.*\\.(?:svg|png|jpg|jpeg|gif|webp|ico|txt|webmanifest)$).*)"],
};
