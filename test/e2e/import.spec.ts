import { expect, test } from './fixtures';

test('an instructor imports a drill file from disk; it survives a reload and plays to its debrief', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByLabel('选择文件…').setInputFiles('test/fixtures/valid.json');
  await expect(page.getByRole('status')).toContainText('已导入“测试演练”');

  await page.reload();
  const card = page.getByRole('article', { name: /测试演练/ });
  await expect(card).toContainText('导入');
  await card.getByRole('button', { name: /开始演练/ }).click();
  await page.keyboard.press('Enter');
  await page.keyboard.press('1');
  await expect(page.getByRole('button', { name: '查看复盘' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '三项得分' })).toBeVisible();
});

test('a broken file is refused with every problem, its line and column, and changes nothing', async ({ page }) => {
  await page.goto('/');
  const drills = page.getByRole('list', { name: '演练库' }).getByRole('article');
  await expect(drills.first()).toBeVisible();
  const before = await drills.count();
  await page.getByLabel('选择文件…').setInputFiles('test/fixtures/broken/dangling-next.json');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('dangling-next.json 有 2 个问题，未导入');
  await expect(alert).toContainText('/nodes/0/choices/0/next 第 24 行第 19 列：去向节点「nowhere」不存在');
  await expect(alert).toContainText('"next": "nowhere"');
  await expect(drills).toHaveCount(before);
});
