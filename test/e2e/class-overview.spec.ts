/**
 * 班级复盘 in Chromium: twenty trainees' results files, one broken and one from another version of
 * the drill, picked at once; the counts the overview shows, its CSV, a trainee's own debrief, and
 * the class kept across a reload.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { classDrill, classFiles } from '../class-results';
import { parseCsv } from '../parse-csv';
import { expect, test } from './fixtures';

const { scenario } = classDrill();
const trainees = classFiles(20);
const results = trainees.map((f) => JSON.parse(f.text));
const otherVersion = { ...results[0], drill: { ...results[0].drill, hash: '0123456789abcdef' }, trainee: '旧版本学员' };
const files = [
  ...trainees,
  { name: '坏了的文件.json', text: '{"format": "tuiyan-results", "version": 1, ' },
  { name: '旧版本.json', text: JSON.stringify(otherVersion) },
].map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) }));

async function openClass(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: '班级复盘' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^班级复盘/ })).toBeVisible();
}

test('twenty results files, one broken and one of another version: the class overview counts the twenty', async ({
  page,
}) => {
  await openClass(page);
  await page.getByLabel('选择结果文件（可多选）').setInputFiles(files);
  await expect(page.getByRole('heading', { name: '这次载入 20 份，另有 2 份没有载入' })).toBeVisible();
  const refused = page.getByRole('list', { name: '没有载入的文件' }).getByRole('listitem');
  await expect(refused).toHaveCount(2);
  await expect(refused.filter({ hasText: '坏了的文件.json' })).toContainText('不是有效的 JSON');
  await expect(refused.filter({ hasText: '旧版本.json' })).toContainText('另一个版本（01234567）');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`班级复盘 · ${scenario.title}`);

  // The first decision point: every trainee met it, and the bars' numbers add up to the class.
  const first = scenario.nodes.find((n) => n.id === scenario.start);
  if (first?.kind !== 'decision') throw new Error('the drill starts at a decision');
  const point = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: first.title }) });
  await expect(point.getByRole('heading', { level: 3 })).toContainText('20 人遇到');
  for (const choice of first.choices) {
    const count = results.filter((r) => r.decisions[0].choiceId === choice.id).length;
    await expect(point.getByRole('row').filter({ hasText: choice.label })).toContainText(
      `${count} 人（${Math.round((count / 20) * 100)}%）`,
    );
  }
  const endings = new Map<string, number>();
  for (const r of results) endings.set(r.ending.title, (endings.get(r.ending.title) ?? 0) + 1);
  for (const [title, count] of endings) {
    await expect(
      page.getByRole('table', { name: '结局分布' }).getByRole('row').filter({ hasText: title }),
    ).toContainText(`${count} 人`);
  }
  await expect(page.getByRole('table', { name: '排名' }).getByRole('row')).toHaveCount(21);

  // One row per trainee, with the scores each file holds.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出每名学员（CSV）' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, ''));
  expect(rows).toHaveLength(20);
  const col = (name: string) => header?.indexOf(name) ?? -1;
  for (const r of results) {
    const row = rows.find((cells) => cells[col('姓名或学号')] === r.trainee);
    expect(row?.[col('依法')], r.trainee).toBe(String(r.scores.legality));
    expect(row?.[col('结局')]).toBe(r.ending.title);
  }
  const decisions = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出每个决定（CSV）' }).click();
  const decisionRows = parseCsv(readFileSync(await (await decisions).path(), 'utf8').replace(/^\uFEFF/, ''));
  expect(decisionRows).toHaveLength(1 + results.reduce((s, r) => s + r.decisions.length, 0));

  // A trainee's own debrief, replayed on the library's drill, and back.
  await page.getByRole('button', { name: '查看复盘：学员03' }).click();
  await expect(page.getByText(`班级复盘 · 学员03的复盘 · ${scenario.title}`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(results[2].ending.title);
  const scores = page.getByRole('list', { name: '三项得分' });
  await expect(scores).toContainText(`依法${results[2].scores.legality} 分`);
  await page.getByRole('button', { name: '返回班级复盘' }).click();

  // Kept across a reload.
  await page.reload();
  await page.getByRole('button', { name: '班级复盘' }).click();
  await expect(page.getByRole('table', { name: '排名' }).getByRole('row')).toHaveCount(21);
});
