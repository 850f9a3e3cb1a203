// The sidebar's headings: conversations grouped by the day of their last activity, as seen in the
// viewer's time zone: Today, Yesterday, Previous 7 days, then month names (with the year when it
// is not this year's).

export type DayGroup<T> = { label: string; items: T[] };

const MS_PER_DAY = 86_400_000;
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const monthFormats = new Map<string, Intl.DateTimeFormat>();

function cached(cache: Map<string, Intl.DateTimeFormat>, key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = cache.get(key);
  if (!format) {
    format = make();
    cache.set(key, format);
  }
  return format;
}

/** The calendar date of `date` in `timeZone`, as a day count (for differences) and its year. */
function calendarDay(date: Date, timeZone: string): { day: number; year: number } {
  const format = cached(dayFormats, timeZone, () => new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric" }));
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(date)) {
    if (part.type === "year" || part.type === "month" || part.type === "day") parts[part.type] = Number(part.value);
  }
  const year = parts.year ?? date.getUTCFullYear();
  return { day: Date.UTC(year, (parts.month ?? 1) - 1, parts.day ?? 1) / MS_PER_DAY, year };
}

/** The heading a conversation last active at `date` goes under, seen at `now` in `timeZone`. */
export function dayGroupLabel(date: Date, now: Date, timeZone: string): string {
  const then = calendarDay(date, timeZone);
  const today = calendarDay(now, timeZone);
  const daysAgo = today.day - then.day;
  // A clock a little ahead of the viewer's still counts as today.
  if (daysAgo <= 0) return "Today";
  if (daysAgo === 1) return "Yesterday";
  if (daysAgo <= 7) return "Previous 7 days";
  const withYear = then.year !== today.year;
  const format = cached(monthFormats, `${timeZone}|${withYear}`, () =>
    new Intl.DateTimeFormat("en-US", { timeZone, month: "long", ...(withYear ? { year: "numeric" } : {}) }),
  );
  return format.format(date);
}

/**
 * Groups conversations (newest first) under their headings, keeping the order. Items with an
 * unreadable date go under the group before them (or "Today").
 */
export function groupByDay<T extends { lastMessageAt: string }>(items: ReadonlyArray<T>, now: Date, timeZone: string): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  for (const item of items) {
    const date = new Date(item.lastMessageAt);
    const label = Number.isNaN(date.getTime()) ? (groups.at(-1)?.label ?? "Today") : dayGroupLabel(date, now, timeZone);
    const last = groups.at(-1);
    if (last?.label === label) last.items.push(item);
    else groups.push({ label, items: [item] });
  }
  return groups;
}

/** The viewer's time zone (the browser's), or UTC where it cannot be read. */
export function viewerTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}
