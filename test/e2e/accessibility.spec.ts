/**
 * axe-core on every screen, in Chromium so that colour contrast is computed: WCAG 2.2 AA and
 * below (the tags in helpers.ts), 0 violations. The debrief, with its best line and a what-if, is
 * checked in debrief.spec.ts with the same helper.
 */
import type { Page } from '@playwright/test';
import { classFiles } from '../class-results';
import { expect, test } from './fixtures';
import { expectAccessible, openDrill, playToDebrief, shippedDrill } from './helpers';

const drill = shippedDrill();

async function openLibrary(page: Page, url = '/'): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('list', { name: '演练库' }).getByRole('article').first()).toBeVisible();
}

test('the library, with the time-limit setting, and a drill file it refused', async ({ page }) => {
  await openLibrary(page);
  await expect(page.getByRole('group', { name: '限时（教员设置）' })).toBeVisible();
  await expectAccessible(page, 'the library');
  await page.getByRole('radio', { name: '放宽一倍' }).check();
  await expectAccessible(page, 'the library with a time-limit setting chosen');
  await page.getByLabel('选择文件…').setInputFiles('test/fixtures/broken/dangling-next.json');
  await expect(page.getByRole('alert')).toContainText('未导入');
  await expectAccessible(page, 'the library with a refused import');
});

test('the briefing, a timed decision with its countdown, and a consequence', async ({ page }) => {
  await page.goto('/');
  const start = page.getByRole('article', { name: drill.title }).getByRole('button', { name: /开始演练/ });
  await start.click();
  await expect(page.getByRole('heading', { level: 1, name: drill.title })).toBeVisible();
  await expectAccessible(page, 'the briefing');
  await page.getByRole('button', { name: '开始推演' }).click();
  await expect(page.getByRole('timer', { name: '剩余时间' })).toBeVisible();
  await expectAccessible(page, 'a decision with its countdown');
  await page.keyboard.press('1');
  await expect(page.getByRole('button', { name: /^(继续|查看复盘)$/ })).toBeFocused();
  await expectAccessible(page, 'a consequence');
});

test('a decision with time limits off, in place of the countdown', async ({ page }) => {
  await openDrill(page, drill.title, '/?timeLimits=off');
  await expect(page.getByRole('list', { name: /你的决定/ })).toBeVisible();
  // The briefing, hidden as the decision is shown, says it too until the page is idle.
  await expect(page.getByText(/教员已取消/).filter({ visible: true })).toBeVisible();
  await expectAccessible(page, 'a decision with time limits off');
});

test('a law article’s full text, opened from the debrief', async ({ page }) => {
  test.setTimeout(120_000);
  await openDrill(page, drill.title);
  await playToDebrief(page);
  await page.getByRole('button', { name: '查看全文' }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'the full text dialog');
});

test('the authoring view and the guide', async ({ page }) => {
  await openLibrary(page);
  await page.getByRole('article', { name: drill.title }).getByRole('button', { name: /^编写/ }).click();
  await expect(page.getByRole('group', { name: /剧本结构图/ })).toBeVisible();
  await expect(page.getByRole('status').first()).toContainText('没有错误');
  await expectAccessible(page, 'the authoring view');
  await openLibrary(page);
  await page.getByRole('button', { name: '编写指南' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, 'the guide');
});

test('the class overview with results loaded', async ({ page }) => {
  await openLibrary(page);
  await page.getByRole('button', { name: '班级复盘' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^班级复盘/ })).toBeVisible();
  await expectAccessible(page, 'the class page before any file');
  const files = [...classFiles(6), { name: '坏了的文件.json', text: '{"format": ' }].map((f) => ({
    name: f.name,
    mimeType: 'application/json',
    buffer: Buffer.from(f.text),
  }));
  await page.getByLabel('选择结果文件（可多选）').setInputFiles(files);
  await expect(page.getByRole('table', { name: '排名' })).toBeVisible();
  await expectAccessible(page, 'the class overview');
});

test('the notice that the save could not be read', async ({ page }) => {
  await openLibrary(page);
  await page.evaluate(() => localStorage.setItem('tuiyan', '{"state": {"run": '));
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('原来保存的进度已经损坏');
  await expectAccessible(page, 'the save-problem notice');
});
