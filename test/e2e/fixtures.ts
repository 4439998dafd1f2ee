/**
 * Every end-to-end test runs under the built page's Content-Security-Policy and fails on any
 * violation it reports: a blocked inline script, an eval, a resource from elsewhere.
 */
import { test as base, expect } from '@playwright/test';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

export const test = base.extend<{ cspViolations: string[]; failOnCspViolation: boolean }>({
  // A test that provokes a violation on purpose turns this off and reads `cspViolations`.
  failOnCspViolation: [true, { option: true }],
  cspViolations: [
    async ({ page, failOnCspViolation }, use) => {
      await page.addInitScript(() => {
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => {
          window.__cspViolations?.push(
            `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
          );
        });
      });
      const fromConsole: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' && m.text().includes('Content Security Policy')) fromConsole.push(m.text());
      });
      const violations: string[] = [];
      await use(violations);
      const inPage = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
      violations.push(...inPage, ...fromConsole);
      if (failOnCspViolation) expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
