import { describe, expect, it } from "vitest";
import { createCurrentTimeTool, currentTimeInputSchema, describeTime, resolveTimeZone } from "@/lib/ai/tools/current-time";

const callOptions = { toolCallId: "call-1", messages: [], context: {} };
// A Sunday; New York is already on daylight time (switched at 07:00 UTC that day).
const fixed = new Date("2024-03-10T12:34:56.789Z");
const currentTime = createCurrentTimeTool({ now: () => fixed });

describe("current_time tool", () => {
  it("defaults to UTC", async () => {
    expect(await currentTime.execute({}, callOptions)).toEqual({
      timeZone: "UTC",
      iso: "2024-03-10T12:34:56.789Z",
      localDateTime: "2024-03-10 12:34:56",
      localIso: "2024-03-10T12:34:56+00:00",
      weekday: "Sunday",
      utcOffset: "+00:00",
    });
  });

  it("describes a half-hour zone", async () => {
    const result = await currentTime.execute({ timeZone: "Asia/Kolkata" }, callOptions);
    expect(result).toMatchObject({
      timeZone: "Asia/Kolkata",
      localDateTime: "2024-03-10 18:04:56",
      localIso: "2024-03-10T18:04:56+05:30",
      utcOffset: "+05:30",
      weekday: "Sunday",
    });
  });

  it("applies daylight saving time", async () => {
    const result = await currentTime.execute({ timeZone: "America/New_York" }, callOptions);
    expect(result).toMatchObject({ localDateTime: "2024-03-10 08:34:56", utcOffset: "-04:00" });
  });

  it("crosses the date line into the previous day's weekday", () => {
    const late = describeTime(new Date("2024-03-10T02:00:00Z"), "America/Los_Angeles");
    expect(late).toMatchObject({ localDateTime: "2024-03-09 18:00:00", weekday: "Saturday", utcOffset: "-08:00" });
  });

  it("writes midnight as 00, not 24", () => {
    expect(describeTime(new Date("2024-01-01T00:00:00Z"), "UTC").localDateTime).toBe("2024-01-01 00:00:00");
  });

  it("rejects an unknown zone in the input schema and in execute", async () => {
    expect(currentTimeInputSchema.safeParse({ timeZone: "Mars/Olympus_Mons" }).success).toBe(false);
    expect(currentTimeInputSchema.safeParse({ timeZone: "Europe/Paris" }).success).toBe(true);
    expect(currentTimeInputSchema.safeParse({}).success).toBe(true);
    await expect(Promise.resolve().then(() => currentTime.execute({ timeZone: "Mars/Olympus_Mons" }, callOptions))).rejects.toThrow(
      /Unknown time zone/,
    );
  });
});

describe("resolveTimeZone", () => {
  it("canonicalises the spelling of a valid zone", () => {
    expect(resolveTimeZone("europe/paris")).toBe("Europe/Paris");
    expect(resolveTimeZone("utc")).toBe("UTC");
  });

  it("returns null for an invalid zone", () => {
    expect(resolveTimeZone("Not/AZone")).toBeNull();
    expect(resolveTimeZone("")).toBeNull();
  });
});
