"use client";
import { useSyncExternalStore } from "react";

const MINUTE = 60_000;

function subscribe(onChange: () => void) {
  const timer = setInterval(onChange, MINUTE);
  return () => clearInterval(timer);
}

// Rounded to the minute, so repeated reads within a render agree.
const read = () => Math.floor(Date.now() / MINUTE) * MINUTE;

/**
 * The current time to the minute, updated every minute; null while rendering on the server and
 * hydrating, so what depends on the viewer's clock and time zone renders only in the browser.
 */
export function useMinuteClock(): number | null {
  return useSyncExternalStore(subscribe, read, () => null);
}
