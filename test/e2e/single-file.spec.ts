/**
 * The one-file build (`npm run build:single`), opened from disk as on a classroom computer with no
 * server and no network: it plays a drill to its debrief, the best line searched on the page (a
 * file:// page may not start the worker), and its policy lets only its own script run.
 *
 * The file is built here, by the test run itself, in the worker that runs this file's tests while
 * the other worker goes on with the rest of the suite.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { SINGLE_DIR, SINGLE_FILE } from '../../scripts/vite-single.config';
import { cspHash, inlineBlocks } from '../../scripts/vite-single-file';
import { expect, test } from './fixtures';
import { expectedReport, openDrill, playToDebrief, shippedDrill } from './helpers';

const drill = shippedDrill();
const path = join(SINGLE_DIR, SINGLE_FILE);
const url = pathToFileURL(path).href;

// One worker builds the file once, then runs these tests in order.
test.describe.configure({ mode: 'default' });

test.beforeAll(async () => {
  // Alone the build takes 2–3 s; on a busy two-core machine, with browsers beside it, more.
  test.setTimeout(120_000);
  await promisify(execFile)('npm', ['run', '--silent', 'build:single', '--', '--logLevel', 'warn']);
});

test('is one HTML file that loads nothing, with a policy that allows its own script and style by hash', async ({
  page,
}) => {
  expect(readdirSync(SINGLE_DIR)).toEqual([SINGLE_FILE]);
  const html = readFileSync(path, 'utf8');
  expect(html).not.toMatch(/<script\b[^>]*\bsrc=|<link\b[^>]*rel="?(stylesheet|modulepreload)/);
  const blocks = inlineBlocks(html);
  for (const block of blocks.filter((b) => b.tag === 'script')) {
    expect(block.text).not.toMatch(/\beval\s*\(|new\s+Function\s*\(|\bFunction\s*\(\s*['"`]/);
  }

  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  await expect(page.getByRole('heading', { name: '桌面推演' })).toBeVisible();
  await expect(page.getByRole('article', { name: drill.title })).toBeVisible();
  // The page itself and its data: favicon; nothing fetched from anywhere else.
  expect(requests.filter((r) => r !== url && !r.startsWith('data:'))).toEqual([]);

  const policy = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
  const directive = (name: string) =>
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .find(([n]) => n === name)
      ?.slice(1);
  expect(directive('script-src')).toEqual(blocks.filter((b) => b.tag === 'script').map((b) => cspHash(b.text)));
  expect(directive('style-src')).toEqual(blocks.filter((b) => b.tag === 'style').map((b) => cspHash(b.text)));
  expect(directive('default-src')).toEqual(["'none'"]);
  expect(policy).not.toContain("'self'");
  expect(policy).not.toContain('unsafe-');
});

test.describe('a script slipped into the one-file page', () => {
  test.use({ failOnCspViolation: false });

  test('does not run, and is reported as a violation', async ({ page }) => {
    await page.goto(url);
    await expect(page.getByRole('heading', { name: '桌面推演' })).toBeVisible();
    await page.evaluate(() => {
      const inline = document.createElement('script');
      inline.textContent = 'window.__ran = "inline"';
      document.body.append(inline);
      const module = document.createElement('script');
      module.type = 'module';
      module.textContent = 'window.__ran = "module"';
      document.body.append(module);
      // A string handed to a timer is eval by another name.
      setTimeout('window.__ran = "eval"' as unknown as () => void, 0);
    });
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as { __ran?: string }).__ran)).toBeUndefined();
    const found = await page.evaluate(() => window.__cspViolations ?? []);
    expect(found.filter((v) => v.startsWith('script-src')).length).toBeGreaterThanOrEqual(2);
  });
});

test('plays a drill to its debrief from file://, the best line searched on the page', async ({ page }) => {
  await openDrill(page, drill.title, url);
  await playToDebrief(page, (n) => String((n % 2) + 1));
  const report = await expectedReport(page, drill);
  await expect(page.getByRole('heading', { level: 1, name: report.ending?.title })).toBeVisible();
  const perDecision = page.getByRole('table', { name: '逐个决定' });
  await expect(perDecision).toBeVisible({ timeout: 60_000 });
  await expect(perDecision.getByRole('row')).toHaveCount(report.totals.decisions + 1);
  await expect(page.getByRole('table', { name: '改进计划' })).toBeVisible();
  await expect(page.getByText('最佳路线没有算出来')).toHaveCount(0);
});
