import "server-only";
// Cross-site request refusal for state-changing API calls. Cookies are SameSite=Lax, which still lets a
// page on a sibling subdomain (same *site*, other *origin*) post with the user's cookie: a browser always
// says where such a request comes from (Origin, and Sec-Fetch-Site in every current browser), so anything
// that is not this app's own origin is refused. A request with neither header is not from a browser page
// (curl, scripts, server-to-server) and carries no ambient cookie from one.
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function ownOrigins(req: Request): Set<string> {
  const origins = new Set<string>([new URL(getEnv().APP_URL).origin]);
  const url = new URL(req.url);
  origins.add(url.origin);
  // The Host the browser used (an app reached as 127.0.0.1 and as localhost); a browser never lets a page set it.
  const host = req.headers.get("host");
  if (host) origins.add(`${url.protocol}//${host}`);
  return origins;
}

/** Throws 403 when a POST/PUT/PATCH/DELETE comes from a page of another origin. */
export function assertSameOrigin(req: Request): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;
  const site = req.headers.get("sec-fetch-site");
  const origin = req.headers.get("origin");
  const crossSite = site === "cross-site" || site === "same-site";
  if (crossSite || (origin !== null && !ownOrigins(req).has(origin))) {
    throw new AppError("forbidden", "This request came from another site, so Switchboard refused it. Open Switchboard itself and try again.");
  }
}
