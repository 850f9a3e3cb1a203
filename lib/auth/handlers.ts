import "server-only";
// Auth wrappers for route handlers: `export const GET = withAdmin(async (req, { user }) => ...)`.
// Every error, including the 401/403 from the guards, leaves through toResponse().
import { requireAdmin, requireUser, type CurrentUser } from "@/lib/auth/session";
import { toResponse } from "@/lib/errors";

type RouteContext<P> = { params: Promise<P> };
type Handler<P> = (req: Request, ctx: { user: CurrentUser; params: P }) => Promise<Response>;

function wrap<P>(guard: () => Promise<CurrentUser>, handler: Handler<P>) {
  return async (req: Request, ctx: RouteContext<P>): Promise<Response> => {
    try {
      const user = await guard();
      return await handler(req, { user, params: await ctx.params });
    } catch (error) {
      return toResponse(error);
    }
  };
}

export const withUser = <P = Record<string, never>>(handler: Handler<P>) => wrap(requireUser, handler);
export const withAdmin = <P = Record<string, never>>(handler: Handler<P>) => wrap(requireAdmin, handler);

/** For public handlers: only the error mapping. */
export function withErrors<P>(handler: (req: Request, ctx: RouteContext<P>) => Promise<Response>) {
  return async (req: Request, ctx: RouteContext<P>): Promise<Response> => {
    try {
      return await handler(req, ctx);
    } catch (error) {
      return toResponse(error);
    }
  };
}
