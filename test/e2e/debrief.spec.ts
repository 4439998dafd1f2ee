/**
 * The debrief a trainee learns from, in Chromium: a shipped drill played to its end; the ratings,
 * the best line found in the Web Worker, a what-if from the second decision; the report printed to
 * an A4 PDF whose text is read back; the results exported and read back against their schema.
 */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { rate } from '../../src/report/ratings';
import { DIMENSION_LABEL } from '../../src/ui/format';
import { expect, test } from './fixtures';
import {
  expectAccessible,
  expectedReport,
  openDrill,
  playToDebrief,
  savedText,
  savedView,
  shippedDrill,
} from './helpers';
import { comparable, pdfPageImages, pdfText } from './pdf';

const scenario = shippedDrill();

test.beforeEach(async ({ page }) => {
  await openDrill(page, scenario.title);
  await playToDebrief(page);
  await expect(page.getByRole('heading', { name: '三项得分' })).toBeVisible();
  // The debrief is shown before the run takes its end, and the save is written in an idle moment
  // after that: what the tests read of the save (the report's decisions, the what-if's "as it was")
  // is the ended run only once it holds the debrief.
  await expect.poll(() => savedView(page)).toBe('debrief');
});

test('rates each score and shows the best line beside the run, searched in a worker', async ({ page }) => {
  const report = await expectedReport(page, scenario);
  const overview = page.getByRole('region', { name: '概览' });
  for (const d of report.dimensions) {
    await expect(overview).toContainText(`${DIMENSION_LABEL[d.dimension]} ${d.score} 分，评为“${rate(d.score).grade}”`);
  }
  const perDecision = page.getByRole('table', { name: '逐个决定' });
  await expect(perDecision).toBeVisible({ timeout: 60_000 });
  await expect(perDecision.getByRole('row')).toHaveCount(report.totals.decisions + 1);
  await expect(page.getByRole('table', { name: '你的推演与最佳路线' })).toContainText('最佳路线');
  await expect(page.getByRole('table', { name: '改进计划' })).toBeVisible();
});

test('lays the overview’s facts out in full rows at a laptop and at a projector, none left alone', async ({ page }) => {
  const facts = page.getByRole('region', { name: '概览' }).locator('.overview-facts > div');
  /** How many facts stand in each row, top to bottom. */
  const rows = async () => {
    const tops = await facts.evaluateAll((divs) => divs.map((d) => Math.round(d.getBoundingClientRect().top)));
    return [...new Set(tops)].map((top) => tops.filter((t) => t === top).length);
  };
  await expect.poll(rows).toEqual([6]);
  // A projector: the page at 19px, too narrow for six in a row. Filled 11rem at a time, the sixth stood alone.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect.poll(rows).toEqual([3, 3]);
  // With the trainee's name, seven: four and three there, one row on the laptop, the name alone in a narrow window.
  await page.getByRole('textbox', { name: /姓名或学号/ }).fill('学员 07');
  await expect(page.getByRole('region', { name: '概览' })).toContainText('学员 07');
  await expect.poll(rows).toEqual([4, 3]);
  await page.setViewportSize({ width: 1366, height: 768 });
  await expect.poll(rows).toEqual([7]);
  await page.setViewportSize({ width: 480, height: 800 });
  await expect.poll(rows).toEqual([1, 2, 2, 2]);
});

test('prints the report to A4 with its scores and its timeline', async ({ page }, testInfo) => {
  const report = await expectedReport(page, scenario);
  await expect(page.getByRole('table', { name: '逐个决定' })).toBeVisible({ timeout: 60_000 });
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const { pages, text } = await pdfText(pdf);
  expect(pages).toBeGreaterThan(1);
  for (const d of report.dimensions) {
    expect(text).toContain(comparable(`${DIMENSION_LABEL[d.dimension]} ${d.score} 分，评为“${rate(d.score).grade}”`));
  }
  for (const heading of ['概览', '做得好的与需要改进的', '时间线', '最佳路线', '逐个决定', '改进计划']) {
    expect(text).toContain(heading);
  }
  for (const row of report.timeline) expect(text).toContain(comparable(row.nodeTitle));
  // Nothing that only works on screen is printed.
  for (const control of ['重新推演', '打印复盘', '查看全文', '导出结果']) expect(text).not.toContain(control);
  // For a person to look at: the first pages as images, kept with the test's results.
  const written = await pdfPageImages(pdf, 3, (n) => testInfo.outputPath(`debrief-page-${n}.png`));
  expect(written).toBe(3);
});

test('exports the results, which read back as JSON valid against the published schema', async ({ page }) => {
  const report = await expectedReport(page, scenario);
  await page.getByRole('textbox', { name: /姓名或学号/ }).fill('学员 07');
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出结果（JSON）' }).click();
  const file = await downloaded;
  expect(file.suggestedFilename()).toMatch(/^桌面推演-结果-.*\.json$/);
  const results = JSON.parse(readFileSync(await file.path(), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: true });
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})$/);
  const valid = ajv.compile(JSON.parse(readFileSync('docs/results.schema.json', 'utf8')));
  expect(valid(results), JSON.stringify(valid.errors)).toBe(true);
  expect(results.trainee).toBe('学员 07');
  expect(results.drill.id).toBe(scenario.id);
  expect(results.decisions).toHaveLength(report.totals.decisions);
  expect(results.scores).toEqual(Object.fromEntries(report.dimensions.map((d) => [d.dimension, d.score])));

  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出每个决定（CSV）' }).click();
  const rows = readFileSync(await (await csv).path(), 'utf8')
    .trim()
    .split(/\r?\n/);
  expect(rows).toHaveLength(report.totals.decisions + 1);
});

test('runs a what-if from the second decision and compares it with the real run', async ({ page }) => {
  const report = await expectedReport(page, scenario);
  const saved = await savedText(page);
  await page.getByRole('button', { name: '换个选择：从第 2 个决定起假设推演' }).click();
  const sandbox = page.getByRole('region', { name: /假设推演：从第 2 个决定起/ });
  await expect(sandbox.getByRole('note')).toContainText('不计分');
  await expect(sandbox.getByRole('heading', { name: `第 2 个决定：${report.timeline[1]?.nodeTitle}` })).toBeFocused();
  // Another choice than the one taken then, and the first on offer from there to the end.
  await sandbox.getByRole('list', { name: '假设推演的选择' }).getByRole('button').last().click();
  for (let i = 0; i < 100 && (await sandbox.getByRole('list', { name: '假设推演的选择' }).count()) > 0; i++) {
    await sandbox.getByRole('list', { name: '假设推演的选择' }).getByRole('button').first().click();
  }
  const table = sandbox.getByRole('table', { name: '实际推演与假设推演' });
  await expect(table).toBeVisible();
  for (const label of ['结局', '时效', '依法', '协同', '累计感染', '死亡']) {
    await expect(table.getByRole('row', { name: new RegExp(`^${label}`) })).toBeVisible();
  }
  await expect(table.getByRole('row', { name: /^结局/ })).toContainText(report.ending?.title ?? '');
  await expect(
    sandbox
      .getByRole('table', { name: '两次推演的不同之处' })
      .getByRole('row', { name: report.timeline[1]?.nodeTitle }),
  ).toBeVisible();
  // The sandbox scored nothing: the saved run is as it was.
  expect(await savedText(page)).toBe(saved);
  await sandbox.getByRole('button', { name: '结束假设推演' }).click();
  await expect(sandbox).toHaveCount(0);
});

test('the debrief, its best line and a what-if pass axe in the browser, colour contrast included', async ({ page }) => {
  // A whole drill played, searched and a what-if played out before axe walks a long page: more than 30 s on a busy machine.
  test.setTimeout(120_000);
  await expect(page.getByRole('table', { name: '逐个决定' })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: '换个选择：从第 1 个决定起假设推演' }).click();
  // Played to its end, so that the comparison is checked too.
  const choices = page.getByRole('list', { name: '假设推演的选择' });
  for (let i = 0; i < 100 && (await choices.count()) > 0; i++) await choices.getByRole('button').first().click();
  await expect(page.getByRole('table', { name: '实际推演与假设推演' })).toBeVisible();
  await expectAccessible(page, 'the debrief with its best line and a what-if');
});
