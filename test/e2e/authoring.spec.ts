import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { debrief } from '../../src/engine/debrief';
import { replay } from '../../src/engine/run';
import { rate } from '../../src/report/ratings';
import { load } from '../../src/scenario/load';
import { DIMENSION_LABEL, formatGameTime } from '../../src/ui/format';
import { expect, test } from './fixtures';
import { playToDebrief, savedText, shippedDrill } from './helpers';

const drill = shippedDrill();

async function openAuthoring(page: Page): Promise<void> {
  await page.goto('/');
  const card = page.getByRole('article', { name: drill.title });
  await card.getByRole('button', { name: /^编写/ }).click();
  await expect(page.getByRole('group', { name: /剧本结构图/ })).toBeVisible();
}

test('the authoring view draws the drill as a graph, and shows a node when it is clicked', async ({ page }) => {
  await openAuthoring(page);
  const graph = page.getByRole('group', { name: /剧本结构图/ });
  for (const node of drill.nodes) {
    await expect(graph.getByRole('button', { name: new RegExp(`（${node.id}）`) })).toBeVisible();
  }
  const opened = (drill.injects ?? []).filter((i) => i.opens);
  await expect(graph.locator('.node-inject')).toHaveCount(opened.length);
  await expect(graph.locator('.graph-edge')).not.toHaveCount(0);
  await expect(page.getByRole('status').first()).toContainText('没有错误');

  await graph.getByRole('button', { name: /（neighbours）/ }).click();
  const node = drill.nodes.find((n) => n.id === 'neighbours');
  await expect(page.getByRole('heading', { level: 2, name: node?.title })).toBeVisible();
  await expect(page.getByRole('form', { name: '从此处试玩' })).toBeVisible();
});

test('play from here starts at the chosen node with the state set in the inspector', async ({ page }) => {
  await openAuthoring(page);
  await page
    .getByRole('group', { name: /剧本结构图/ })
    .getByRole('button', { name: /（neighbours）/ })
    .click();
  const inspector = page.getByRole('form', { name: '从此处试玩' });
  await inspector.getByRole('spinbutton', { name: /开局后/ }).fill('30');
  await inspector.getByRole('spinbutton', { name: /谣言热度/ }).fill('80');
  await inspector.getByRole('combobox', { name: '已网络直报' }).selectOption('true');
  await inspector.getByRole('checkbox', { name: '已通报北溪市' }).check();
  await inspector.getByRole('spinbutton', { name: '北溪市信任度' }).fill('12');
  await inspector.getByRole('button', { name: '从此处试玩' }).click();

  const node = drill.nodes.find((n) => n.id === 'neighbours');
  await expect(page.getByRole('heading', { level: 1, name: node?.title })).toBeVisible();
  await expect(page.getByText('试玩', { exact: true })).toBeVisible();
  await expect(page.getByRole('status', { name: '推演时间' })).toContainText(formatGameTime(drill.clockStart, 30 * 60));
  const status = page.getByRole('complementary', { name: '态势' });
  await expect(status).toContainText('谣言热度');
  await expect(status).toContainText('80');
  const beixi = status
    .getByRole('region', { name: /各地态势/ })
    .getByRole('row', { name: /北溪市/ })
    .first();
  await expect(beixi.getByRole('cell').last()).toHaveText('12');

  // It plays on like any run, and its debrief is the engine's, computed in Node from the same origin.
  await playToDebrief(page);
  const saved = JSON.parse((await savedText(page)) ?? '{}').state.run;
  expect(saved.origin).toEqual({
    node: 'neighbours',
    clock: 1800,
    vars: { rumour: 80, reported: true },
    regions: { beixi: { trust: 12 } },
    notified: ['beixi'],
  });
  const report = debrief(drill, replay(drill, saved.seed, saved.decisions, saved.origin));
  await expect(page.getByRole('heading', { level: 1, name: report.ending?.title })).toBeVisible();
  const scores = page.getByRole('list', { name: '三项得分' });
  for (const d of report.dimensions) {
    await expect(scores.getByRole('listitem').filter({ hasText: DIMENSION_LABEL[d.dimension] })).toHaveText(
      `${DIMENSION_LABEL[d.dimension]}${d.score} 分评定：${rate(d.score).grade}`,
    );
  }
  await page.getByRole('button', { name: '返回编写' }).click();
  await expect(page.getByRole('group', { name: /剧本结构图/ })).toBeVisible();
});

test('the JSON editor checks the drill as it is typed; export writes it back in a stable key order', async ({
  page,
}) => {
  await openAuthoring(page);
  await page.getByRole('tab', { name: /JSON/ }).click();
  const editor = page.getByRole('textbox', { name: '剧本 JSON' });
  const original = await editor.inputValue();
  // Typed over a selection, as an instructor edits: Chromium's fill() of a whole long CJK text is very slow.
  const retype = async (from: number, length: number, text: string) => {
    await editor.evaluate(
      (el: HTMLTextAreaElement, [a, b]) => {
        el.focus();
        el.setSelectionRange(a as number, b as number);
      },
      [from, from + length],
    );
    await page.keyboard.type(text);
  };
  const at = original.indexOf('"start": "call"') + '"start": "'.length;
  await retype(at, 'call'.length, 'nowhere');
  await expect(page.getByRole('status').first()).toContainText('1 个错误');
  await expect(page.getByRole('region', { name: '问题' })).toContainText('开局节点「nowhere」不存在');
  await retype(at, 'nowhere'.length, 'call');
  await expect(page.getByRole('status').first()).toContainText('没有错误');
  expect(await editor.inputValue()).toBe(original);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出 JSON' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('early-warning.json');
  const exported = readFileSync((await download.path()) as string, 'utf8');
  expect(Object.keys(JSON.parse(exported)).slice(0, 3)).toEqual(['$schema', 'schemaVersion', 'id']);
  const result = load(exported);
  expect(result.ok && result.scenario).toEqual(drill);
});

test('a refused file opens in the authoring view, with the missing node drawn', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('选择文件…').setInputFiles('test/fixtures/broken/dangling-next.json');
  await page.getByRole('button', { name: '在编写视图中修改' }).click();
  await expect(page.getByRole('status').first()).toContainText('个错误');
  await expect(
    page.getByRole('group', { name: /剧本结构图/ }).getByRole('img', { name: /不存在.*nowhere/ }),
  ).toBeVisible();
});

test('the authoring guide opens from the library', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '编写指南' }).click();
  await expect(page.getByRole('navigation', { name: '目录' })).toBeVisible();
  await expect(page).toHaveTitle('编写指南 · 桌面推演');
});
