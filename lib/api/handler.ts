import "server-only";
// The wrapper every /api/v1 route uses: `export const POST = withApiKey(async (req, { caller }) => ...)`.
// The caller comes from the Bearer key (lib/api/authenticate.ts); every error leaves in OpenAI's shape.
// No same-origin check: a browser page of another site cannot send an Authorization header without
// a CORS preflight, which these routes do not answer.
import { authenticateApiKey, type ApiCaller } from "@/lib/api/authenticate";
import { openAiErrorResponse } from "@/lib/api/openai-errors";

type RouteContext<P> = { params: Promise<P> };
type Handler<P> = (req: Request, ctx: { caller: ApiCaller; params: P }) => Promise<Response>;

function noStore(res: Response): Response {
  if (!res.headers.has("Cache-Control")) res.headers.set("Cache-Control", "no-store");
  return res;
}

export function withApiKey<P = Record<string, never>>(handler: Handler<P>) {
  return async (req: Request, ctx: RouteContext<P>): Promise<Response> => {
    try {
      const caller = await authenticateApiKey(req.headers.get("authorization"));
      return noStore(await handler(req, { caller, params: await ctx.params }));
    } catch (error) {
      return noStore(openAiErrorResponse(error));
    }
  };
}
