import "server-only";
// Auth wrappers for route handlers: `export const GET = withAdmin(async (req, { user }) => ...)`.
// Every error, including the 401/403 from the guards, leaves through toResponse(). A state-changing
// request from a page of another origin is refused before anything else (lib/http/same-origin.ts).
import { requireAdmin, requireUser, type CurrentUser } from "@/lib/auth/session";
import { toResponse } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/http/same-origin";

type RouteContext<P> = { params: Promise<P> };
type Handler<P> = (req: Request, ctx: { user: CurrentUser; params: P }) => Promise<Response>;

/** A signed-in answer is the user's own: no shared or browser cache keeps it (unless the route says otherwise). */
function privateResponse(res: Response): Response {
  if (!res.headers.has("Cache-Control")) res.headers.set("Cache-Control", "no-store");
  return res;
}

function wrap<P>(guard: () => Promise<CurrentUser>, handler: Handler<P>) {
  return async (req: Request, ctx: RouteContext<P>): Promise<Response> => {
    try {
      assertSameOrigin(req);
      const user = await guard();
      return privateResponse(await handler(req, { user, params: await ctx.params }));
    } catch (error) {
      return privateResponse(toResponse(error));
    }
  };
}

export const withUser = <P = Record<string, never>>(handler: Handler<P>) => wrap(requireUser, handler);
export const withAdmin = <P = Record<string, never>>(handler: Handler<P>) => wrap(requireAdmin, handler);

/** For public handlers: only the error mapping. */
export function withErrors<P>(handler: (req: Request, ctx: RouteContext<P>) => Promise<Response>) {
  return async (req: Request, ctx: RouteContext<P>): Promise<Response> => {
    try {
      assertSameOrigin(req);
      return await handler(req, ctx);
    } catch (error) {
      return toResponse(error);
    }
  };
}
