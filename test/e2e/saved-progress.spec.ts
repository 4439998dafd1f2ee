import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openDrill, savedText, savedView, shippedDrill } from './helpers';

const drill = shippedDrill();
const KEY = 'tuiyan';

/** Puts `text` in storage as the save, once the page has done its own first writes, and reloads. */
async function withSave(page: Page, text: string): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('list', { name: '演练库' }).getByRole('article').first()).toBeVisible();
  await page.evaluate(([key, value]) => localStorage.setItem(key as string, value as string), [KEY, text]);
  await page.reload();
}

test('a corrupt save: the app starts, says so, offers the old text, and saves anew', async ({ page }) => {
  await withSave(page, '{"state": {"run": ');
  await expect(page.getByRole('alert')).toContainText('原来保存的进度已经损坏');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出原来保存的内容' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^桌面推演-原来保存的内容-\d{4}-\d\d-\d\d\.json$/);
  await page.getByRole('button', { name: '关闭这条保存进度的提示' }).click();
  await openDrill(page, drill.title);
  await page.keyboard.press('1');
  await page.reload();
  // Saved again, and resumed.
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^(继续|查看复盘)$/ })).toBeVisible();
});

test('a save from a newer version is neither read nor overwritten', async ({ page }) => {
  const newer = JSON.stringify({ state: { run: { from: 'the future' } }, version: 99 });
  await withSave(page, newer);
  await expect(page.getByRole('alert')).toContainText('更新版本的程序（格式第 99 版）');
  await openDrill(page, drill.title);
  await page.keyboard.press('1');
  await expect(page.getByRole('button', { name: /^(继续|查看复盘)$/ })).toBeVisible();
  expect(await savedText(page, KEY)).toBe(newer);
});

test('two tabs on the same save: a tab with nothing unsaved takes up the other tab’s progress', async ({ context }) => {
  const first = await context.newPage();
  await openDrill(first, drill.title);
  // The run at its first decision is saved in an idle moment after that screen's frame: a second tab
  // opened before then would find the run at its briefing, or none.
  await expect(first.getByRole('list', { name: /你的决定/ })).toBeVisible();
  await expect.poll(() => savedView(first)).toBe('decision');
  const second = await context.newPage();
  await second.goto('/');
  // The second tab resumes the same run and takes a decision, once its decision screen is up.
  await expect(second.getByRole('list', { name: /你的决定/ })).toBeVisible();
  await second.keyboard.press('1');
  await expect(second.getByRole('button', { name: /^(继续|查看复盘)$/ })).toBeVisible();
  // The first tab had nothing unsaved: it follows, rather than overwrite the decision later.
  await expect(first.getByRole('status').filter({ hasText: '这里已随之更新' })).toBeVisible();
  await expect(first.getByRole('button', { name: /^(继续|查看复盘)$/ })).toBeVisible();
  const saved = JSON.parse((await savedText(first, KEY)) ?? '{}');
  expect(saved.state.run.decisions).toHaveLength(1);
});
