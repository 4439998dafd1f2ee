/**
 * The instructor's time-limit setting (WCAG 2.2.1), set by a course link or by the control on the
 * library: it reaches the briefing, the countdown and the results file the trainee exports.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openDrill, playToDebrief, savedText, savedView, shippedDrill } from './helpers';

const drill = shippedDrill();
const first = drill.nodes.find((n) => n.id === drill.start);
const firstLimit = first?.kind === 'decision' ? (first.timeLimitSec ?? 0) : 0;

async function exportedResults(page: Page) {
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出结果（JSON）' }).click();
  return JSON.parse(readFileSync(await (await downloaded).path(), 'utf8'));
}

test('a course link’s ?限时=2 doubles the countdown, is said on the briefing, and is in the results file', async ({
  page,
}) => {
  test.setTimeout(120_000);
  expect(firstLimit, 'the shipped drill starts with a timed decision').toBeGreaterThan(0);
  await page.goto(`/?${new URLSearchParams({ 限时: '2' })}`);
  await expect(page.getByRole('radio', { name: '放宽一倍' })).toBeChecked();
  await page
    .getByRole('article', { name: drill.title })
    .getByRole('button', { name: /开始演练/ })
    .click();
  await expect(page.getByText('限时：放宽一倍').filter({ visible: true })).toBeVisible();
  await page.getByRole('button', { name: '开始推演' }).click();
  const timer = page.getByRole('timer', { name: '剩余时间' });
  await expect(timer).toContainText('限时（放宽一倍）');
  const seconds = Number((await timer.locator('.countdown-value').textContent())?.replace(/\D/g, ''));
  expect(seconds).toBeGreaterThan(firstLimit);
  expect(seconds).toBeLessThanOrEqual(firstLimit * 2);
  await playToDebrief(page);
  expect((await exportedResults(page)).timeLimits).toBe('x2');
});

test('the control on the library turns limits off: no countdown, said on the briefing, kept in the results', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.getByRole('radio', { name: '不限时' }).check();
  // Saved for this classroom machine: a reload keeps it.
  await page.reload();
  await expect(page.getByRole('radio', { name: '不限时' })).toBeChecked();
  await page
    .getByRole('article', { name: drill.title })
    .getByRole('button', { name: /开始演练/ })
    .click();
  // The run's screen is drawn hidden behind the briefing: the text shown is the briefing's.
  await expect(page.getByText('限时：不限时').filter({ visible: true })).toBeVisible();
  await page.getByRole('button', { name: '开始推演' }).click();
  await expect(page.getByRole('list', { name: /你的决定/ })).toBeVisible();
  await expect(page.getByRole('timer')).toHaveCount(0);
  await expect(page.getByText(`（原限时 ${firstLimit} 秒，教员已取消）`).filter({ visible: true })).toBeVisible();
  await playToDebrief(page);
  expect((await exportedResults(page)).timeLimits).toBe('off');
});

test('a run keeps the limits it started with when the setting changes in another tab', async ({ context }) => {
  const page = await context.newPage();
  await openDrill(page, drill.title, '/?timeLimits=x2');
  await expect(page.getByRole('timer')).toContainText('限时（放宽一倍）');
  // The run at its first decision is saved in an idle moment after that screen's frame: a tab opened
  // before then would find the run at its briefing, or none, and its save would overwrite this one's.
  await expect.poll(() => savedView(page)).toBe('decision');
  const other = await context.newPage();
  await other.goto('/?timeLimits=off');
  // The other tab's setting is saved in an idle moment too: this tab reloads once it is there to read.
  await expect.poll(async () => JSON.parse((await savedText(other)) ?? '{}').state?.settings?.timeLimits).toBe('off');
  await page.reload();
  await expect(page.getByRole('timer')).toContainText('限时（放宽一倍）');
});
