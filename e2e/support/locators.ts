// Next.js keeps an empty role="alert" route announcer on every page; this matches only the app's alerts.
export const APP_ALERT = '[role="alert"]:not(#__next-route-announcer__)';
