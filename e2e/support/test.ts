// The suite's `test` and `expect`: Playwright's, plus a guard that fails a test when any page it opened
// (in its own context or in contexts it made with browser.newContext) broke the Content-Security-Policy.
// Violations are caught twice: the `securitypolicyviolation` event (reported by a script added to
// every page, which the page's CSP does not govern) and Chromium's console error for a refused resource.
// Every spec imports from here (eslint.config.mjs forbids importing @playwright/test in a spec).
import { test as base, expect, type BrowserContext, type ConsoleMessage } from "@playwright/test";

const REPORT = "__switchboardCspViolation";

function watch(context: BrowserContext, violations: string[]): void {
  void context.exposeBinding(REPORT, ({ page }, text: string) => {
    violations.push(`${page.url()}: ${text}`);
  });
  void context.addInitScript((report) => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const call = (window as unknown as Record<string, (text: string) => void>)[report];
      call?.(`${event.violatedDirective} blocked ${event.blockedURI || "inline code"} (${event.sourceFile}:${event.lineNumber})`);
    });
  }, REPORT);
  context.on("console", (message: ConsoleMessage) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(`${message.page()?.url() ?? "?"}: ${message.text()}`);
  });
}

export const test = base.extend<{ cspViolations: string[] }>({
  /** The CSP violations seen so far in this test; any left at the end fail it. */
  cspViolations: [
    async ({ context, browser }, provide) => {
      const violations: string[] = [];
      watch(context, violations);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const made = await newContext(...args);
        watch(made, violations);
        return made;
      };
      try {
        await provide(violations);
      } finally {
        browser.newContext = newContext;
      }
      expect(violations, "Content-Security-Policy violations on the pages this test opened").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
export type { APIRequestContext, APIResponse, Browser, BrowserContext, Locator, Page, Request, Response } from "@playwright/test";
