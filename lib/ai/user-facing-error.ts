import "server-only";
// What a chat user is told when a model call fails: a sentence without the endpoint's URL, host or
// the upstream's own words (those can name internal servers), and a reference. The same reference
// goes to the log with the admin's full description, so an admin can find the cause from a
// screenshot. Admin pages (the probe, model discovery) keep using describeModelError directly.
import { randomBytes } from "node:crypto";
import { describeModelError, scrubSecrets, type ModelErrorKind } from "@/lib/ai/errors";

export type UserFacingModelError = { kind: ModelErrorKind; reference: string; message: string };

const USER_SENTENCES: Record<ModelErrorKind, string> = {
  auth: "The model server refused Switchboard's credentials. Tell your admin.",
  unreachable: "The model server did not answer. Try again in a moment; if it keeps happening, tell your admin.",
  timeout: "The model server did not answer in time. Try again in a moment; if it keeps happening, tell your admin.",
  idle: "The model stopped responding, so the answer ends here; what arrived is kept. Try again; if it keeps happening, tell your admin.",
  rate_limited: "The model server is busy right now. Try again in a moment.",
  not_found: "The model server does not offer this model. Tell your admin.",
  dropped: "The connection to the model server was cut off in the middle of the answer; what arrived is kept. Try again; if it keeps happening, tell your admin.",
  upstream: "The model server answered with an error. Try again; if it keeps failing, tell your admin.",
  unknown: "The model call failed. Try again; if it keeps failing, tell your admin.",
};

/** A short id a user can read out; unique enough to find one line in a log. */
export function newErrorReference(): string {
  return randomBytes(4).toString("hex").toUpperCase();
}

/** The error's chain of names and messages, scrubbed of secrets, for the log. */
function causeChain(error: unknown, secrets: string[]): string {
  const links: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    links.push(`${current.name}: ${scrubSecrets(current.message, secrets)}`);
    current = current.cause;
  }
  return links.join(" <- ");
}

/**
 * Words a failed model call for a chat user and logs the admin's version under the same reference.
 * Call once per failure: each call logs a line and makes a new reference.
 */
export function reportModelError(
  error: unknown,
  endpoint: { name: string; baseUrl: string },
  secrets: string[] = [],
  log: (line: string) => void = (line) => console.error(line),
): UserFacingModelError {
  const failure = describeModelError(error, endpoint, secrets);
  const reference = newErrorReference();
  const chain = causeChain(error, secrets);
  log(`[switchboard] Model call failed (reference ${reference}) on endpoint “${endpoint.name}” (${endpoint.baseUrl}): ${failure.message}${chain ? ` Cause: ${chain}` : ""}`);
  return { kind: failure.kind, reference, message: `${USER_SENTENCES[failure.kind]} (Reference ${reference}.)` };
}
