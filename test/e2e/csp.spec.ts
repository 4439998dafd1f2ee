import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';

test('the built page carries a Content-Security-Policy that allows no inline script and no eval', async ({ page }) => {
  await page.goto('/');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const scriptSrc = policy?.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
  expect(scriptSrc.trim()).toBe("script-src 'self'");
  expect(policy).not.toContain('unsafe-eval');
  expect(policy).not.toContain('unsafe-inline');
  await expect(page.getByRole('heading', { name: '桌面推演' })).toBeVisible();
});

test.describe('a script slipped into the page', () => {
  test.use({ failOnCspViolation: false });

  test('does not run, and is reported as a violation', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: '桌面推演' })).toBeVisible();
    await page.evaluate(() => {
      const inline = document.createElement('script');
      inline.textContent = 'window.__ran = "inline"';
      document.body.append(inline);
      // A string handed to a timer is eval by another name.
      setTimeout('window.__ran = "eval"' as unknown as () => void, 0);
    });
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as { __ran?: string }).__ran)).toBeUndefined();
    const found = await page.evaluate(() => window.__cspViolations ?? []);
    expect(found.some((v) => v.startsWith('script-src'))).toBe(true);
  });
});

test('no shipped script calls eval or new Function, dependencies included', () => {
  // npm test builds dist/ before these tests run (playwright.config.ts, webServer).
  const dir = join('dist', 'assets');
  const scripts = readdirSync(dir).filter((f) => f.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  for (const file of scripts) {
    const code = readFileSync(join(dir, file), 'utf8');
    expect(code, file).not.toMatch(/\beval\s*\(|new\s+Function\s*\(|\bFunction\s*\(\s*['"`]/);
  }
});
