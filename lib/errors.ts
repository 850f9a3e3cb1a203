// The one error type of the app. Route handlers throw AppError (or let zod/Prisma errors bubble) and
// toResponse() turns any error into a JSON response with a sentence that is safe to show.
import { ZodError } from "zod";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "@/lib/database-unavailable";

const STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  /** A message whose id was sent already (a retried request): no second turn was started. */
  already_sent: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation: 422,
  rate_limited: 429,
  internal: 500,
  /** The model server failed or refused (API routes; the browser chat says it inside the answer). */
  upstream: 502,
  unavailable: 503,
  upstream_timeout: 504,
} as const;

export type ErrorCode = keyof typeof STATUS;

export type ErrorBody = {
  error: { code: ErrorCode; message: string; fields?: Record<string, string> };
};

export class AppError extends Error {
  override name = "AppError";
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  readonly headers?: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { fields?: Record<string, string>; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.fields = options.fields;
    this.headers = options.headers;
  }

  get status(): number {
    return STATUS[this.code];
  }
}

/** Field name -> first message, for forms. */
export function zodFieldErrors(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    fields[key] ??= issue.message;
  }
  return fields;
}

/** The code of a Prisma request error ("P2025", ...), or null. */
export function prismaErrorCode(error: unknown): string | null {
  return typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" && /^P\d{4}$/.test(error.code) ? error.code : null;
}

function isPrismaNotFound(error: unknown): boolean {
  return prismaErrorCode(error) === "P2025";
}

/** Normalises anything thrown into an AppError; unknown errors are logged and hidden. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    const fields = zodFieldErrors(error);
    const first = Object.entries(fields)[0];
    const message = first ? (first[0] === "_" ? first[1] : `${first[0]}: ${first[1]}`) : "The request is not valid.";
    return new AppError("validation", message, { fields });
  }
  if (isPrismaNotFound(error)) return new AppError("not_found", "Not found.");
  if (isDatabaseUnavailable(error)) {
    console.error("[switchboard] The database is not answering:", error instanceof Error ? error.message : error);
    return new AppError("unavailable", DATABASE_UNAVAILABLE_MESSAGE, { headers: { "Retry-After": "5" } });
  }
  console.error("[switchboard] Unexpected error:", error);
  return new AppError("internal", "Something went wrong on the server. Try again; if it keeps happening, tell your admin.");
}

export function toResponse(error: unknown): Response {
  const appError = toAppError(error);
  const body: ErrorBody = { error: { code: appError.code, message: appError.message } };
  if (appError.fields) body.error.fields = appError.fields;
  return Response.json(body, { status: appError.status, headers: appError.headers });
}
