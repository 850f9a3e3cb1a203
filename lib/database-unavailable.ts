// Is this error the database being away (refused, reset, timed out, shut down), as opposed to a bad
// query? Recognised through Prisma's connection codes, the driver adapter's error kinds, node's socket
// codes and PostgreSQL's connection SQLSTATEs, looking through causes. Pure, so lib/errors.ts can use it.

export const DATABASE_UNAVAILABLE_MESSAGE = "The database is not answering. Try again in a moment; if it keeps happening, tell your admin.";

const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "ENOTFOUND", "EAI_AGAIN"]);
// 57P01-57P03: admin shutdown, crash shutdown, cannot connect now; class 08: connection exceptions.
const SQLSTATES = /^(57P0[123]|08\d{3})$/;
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "DatabaseDoesNotExist", "TooManyConnections"]);
const MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Can't reach database server|Server has closed the connection|Client has encountered a connection error|Connection refused/i;

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null && key in value ? (value as Record<string, unknown>)[key] : undefined;
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 6 || typeof error !== "object" || error === null) return false;
  // Outbound HTTP (a model server, an action) fails with the same socket codes under "fetch failed".
  if (field(error, "message") === "fetch failed") return false;
  const code = field(error, "code");
  if (typeof code === "string" && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATES.test(code))) return true;
  const kind = field(error, "kind");
  if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
  const originalCode = field(error, "originalCode");
  if (typeof originalCode === "string" && (SOCKET_CODES.has(originalCode) || SQLSTATES.test(originalCode))) return true;
  const message = field(error, "message");
  if (typeof message === "string" && MESSAGES.test(message)) return true;
  const nested = [field(error, "cause"), field(field(error, "meta"), "driverAdapterError"), ...(Array.isArray(field(error, "errors")) ? (field(error, "errors") as unknown[]) : [])];
  return nested.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}
