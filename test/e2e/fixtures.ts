/**
 * Every end-to-end test runs under the built page's Content-Security-Policy and fails on any
 * violation any of its pages reports — a blocked inline script, an eval, a resource from
 * elsewhere — and on any element or handler that a drill's text became (see test/fixtures/xss.ts:
 * every vector carries a `data-xss` marker, watched from before the app's first script).
 */
import { test as base, expect } from '@playwright/test';

declare global {
  interface Window {
    __cspViolations?: string[];
    __injected?: string[];
  }
}

export const test = base.extend<{ failOnCspViolation: boolean; watchPages: undefined }>({
  // A test that provokes a violation on purpose turns this off.
  failOnCspViolation: [true, { option: true }],
  watchPages: [
    async ({ context, failOnCspViolation }, use) => {
      await context.addInitScript(() => {
        window.__cspViolations = [];
        window.__injected = [];
        document.addEventListener('securitypolicyviolation', (e) => {
          window.__cspViolations?.push(
            `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
          );
        });
        // Any element a drill's text became, and any handler attribute, the moment it appears.
        new MutationObserver((records) => {
          for (const r of records) {
            for (const node of r.addedNodes) {
              if (!(node instanceof Element)) continue;
              for (const el of [node, ...node.querySelectorAll('*')]) {
                const handler = [...el.attributes].find((a) => a.name.startsWith('on'));
                if (el.hasAttribute('data-xss') || handler) window.__injected?.push(el.outerHTML.slice(0, 80));
              }
            }
          }
        }).observe(document, { childList: true, subtree: true });
      });
      const fromConsole: string[] = [];
      context.on('page', (page) =>
        page.on('console', (m) => {
          if (m.type() === 'error' && m.text().includes('Content Security Policy')) fromConsole.push(m.text());
        }),
      );
      await use(undefined);
      const violations: string[] = [...fromConsole];
      const injected: string[] = [];
      for (const page of context.pages()) {
        const found = await page
          .evaluate(() => ({ csp: window.__cspViolations ?? [], injected: window.__injected ?? [] }))
          .catch(() => ({ csp: [], injected: [] }));
        violations.push(...found.csp);
        injected.push(...found.injected);
      }
      if (failOnCspViolation) expect(violations, 'Content-Security-Policy violations').toEqual([]);
      expect(injected, 'elements or handlers made from text').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
