// For database tests: points the app's environment at the throwaway database `npm test` created.
// Call before importing any module that reads the environment.
export function connectTestDatabase(): string {
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("Set TEST_DATABASE_URL (npm test does) to run database tests.");
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ??= "x".repeat(40);
  process.env.SECRETS_KEY ??= Buffer.alloc(32, 7).toString("base64");
  return url;
}
