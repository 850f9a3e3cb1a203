import { withUser } from "@/lib/auth/handlers";

/** The signed-in user, as the server sees them on this request. */
export const GET = withUser(async (_req, { user }) => Response.json({ user }));
