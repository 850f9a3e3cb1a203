import { z } from "zod";
import { AppError } from "@/lib/errors";

/** A path id that is not a UUID cannot name a row: answer 404 like any other miss. */
export function parseId(value: string, what: string): string {
  if (!z.uuid().safeParse(value).success) throw new AppError("not_found", `That ${what} does not exist.`);
  return value;
}

/** For pages: `if (!isUuid(id)) notFound();` (a thrown AppError there would be a 500 page). */
export function isUuid(value: string): boolean {
  return z.uuid().safeParse(value).success;
}
