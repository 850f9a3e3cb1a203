import "server-only";
// Models don't know what time it is. This tool tells them, in any IANA time zone, using the runtime's
// own time-zone data (Intl), so there is no zone table to keep up to date.
import { tool } from "ai";
import { z } from "zod";

export type TimeDescription = {
  timeZone: string;
  /** The instant in UTC, e.g. 2024-03-10T12:34:56.789Z. */
  iso: string;
  /** Wall-clock date and time in the zone, e.g. 2024-03-10 18:04:56. */
  localDateTime: string;
  /** The same wall-clock time with its offset, e.g. 2024-03-10T18:04:56+05:30. */
  localIso: string;
  weekday: string;
  /** e.g. +05:30, -04:00, +00:00. */
  utcOffset: string;
};

/** The zone's canonical spelling when it is valid ("europe/paris" -> "Europe/Paris"), else null. */
export function resolveTimeZone(timeZone: string): string | null {
  try {
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone;
    // ICU may answer with a legacy alias (Asia/Kolkata -> Asia/Calcutta); keep the caller's name then.
    return resolved.toLowerCase() === timeZone.toLowerCase() ? resolved : timeZone;
  } catch {
    return null;
  }
}

function offsetOf(date: Date, timeZone: string): string {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
    .formatToParts(date)
    .find((part) => part.type === "timeZoneName")?.value;
  // "GMT+05:30", or plain "GMT" for a zero offset in some ICU versions.
  const match = /^GMT([+-]\d{2}:\d{2})$/.exec(name ?? "");
  return match?.[1] ?? "+00:00";
}

/** Describes an instant in a zone; the zone must already be valid (see resolveTimeZone). */
export function describeTime(date: Date, timeZone: string): TimeDescription {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "long",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? "";
  const localDate = `${get("year")}-${get("month")}-${get("day")}`;
  const localTime = `${get("hour")}:${get("minute")}:${get("second")}`;
  const utcOffset = offsetOf(date, timeZone);
  return {
    timeZone,
    iso: date.toISOString(),
    localDateTime: `${localDate} ${localTime}`,
    localIso: `${localDate}T${localTime}${utcOffset}`,
    weekday: get("weekday"),
    utcOffset,
  };
}

const UNKNOWN_ZONE = "Unknown time zone: use an IANA name such as Europe/Paris, America/New_York or UTC.";

export const currentTimeInputSchema = z.object({
  timeZone: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .refine((zone) => resolveTimeZone(zone) !== null, { message: UNKNOWN_ZONE })
    .optional()
    .describe("IANA time zone name, e.g. Europe/Paris. Defaults to UTC."),
});

/** `now` is injectable so tests can fix the clock. */
export function createCurrentTimeTool({ now = () => new Date() }: { now?: () => Date } = {}) {
  return tool({
    description: "Get the current date, time, weekday and UTC offset, in UTC or in a given IANA time zone.",
    inputSchema: currentTimeInputSchema,
    execute: ({ timeZone }) => {
      const zone = resolveTimeZone(timeZone ?? "UTC");
      if (zone === null) throw new Error(UNKNOWN_ZONE);
      return describeTime(now(), zone);
    },
  });
}

export const currentTimeTool = createCurrentTimeTool();
