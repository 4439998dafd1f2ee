import { currentDecision } from '../../src/engine/run';
import { rate } from '../../src/report/ratings';
import { DIMENSION_LABEL } from '../../src/ui/format';
import { expect, test } from './fixtures';
import {
  currentScreen,
  expectedReport,
  keysTo,
  openDrill,
  playToDebrief,
  pressThrough,
  savedSeed,
  shippedDrill,
} from './helpers';

const drill = shippedDrill();

test('a trainee plays the drill to its debrief by keyboard; scores and timeline match the engine', async ({ page }) => {
  await openDrill(page, drill.title);
  await playToDebrief(page, (n) => String((n % 2) + 1));

  const report = await expectedReport(page, drill);
  expect(report.ending).not.toBeNull();
  await expect(page.getByRole('heading', { level: 1, name: report.ending?.title })).toBeVisible();

  const scores = page.getByRole('list', { name: '三项得分' });
  for (const d of report.dimensions) {
    await expect(scores.getByRole('listitem').filter({ hasText: DIMENSION_LABEL[d.dimension] })).toHaveText(
      `${DIMENSION_LABEL[d.dimension]}${d.score} 分评定：${rate(d.score).grade}`,
    );
    const events = page.getByRole('list', { name: `${DIMENSION_LABEL[d.dimension]}评分事件` }).locator(':scope > li');
    await expect(events).toHaveCount(d.events.length);
  }

  // Decision rows are numbered; inject rows and the closing row are not.
  const rows = page
    .getByRole('table', { name: '时间线' })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: /^\d+$/, exact: true }) });
  await expect(rows).toHaveCount(report.timeline.length);
  // One assertion per column, not per cell: each is a round trip to a browser that may share two cores.
  const column = (n: number) => rows.locator(`:scope > td:nth-child(${n})`);
  await expect(column(4)).toHaveText(report.timeline.map((row) => row.nodeTitle));
  await expect(column(5)).toContainText(report.timeline.map((row) => row.choiceLabel));
  await expect(column(3)).toHaveText(report.timeline.map(() => /^\d+\.\d 秒$/));
});

test('a reload in the middle of the drill resumes at the same decision', async ({ page }) => {
  await openDrill(page, drill.title);
  for (let i = 0; i < 2; i++) {
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
  }
  expect(await currentScreen(page)).toBe('decision');
  const heading = await page.getByRole('heading', { level: 1 }).textContent();
  await expect(page.getByText('第 3 个决定')).toBeVisible();
  const clock = await page.getByRole('status', { name: '推演时间' }).textContent();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading ?? '');
  await expect(page.getByText('第 3 个决定')).toBeVisible();
  await expect(page.getByRole('status', { name: '推演时间' })).toHaveText(clock ?? '');

  await playToDebrief(page);
  const report = await expectedReport(page, drill);
  await expect(
    page
      .getByRole('table', { name: '时间线' })
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: /^\d+$/, exact: true }) }),
  ).toHaveCount(report.timeline.length);
});

test('when a countdown runs out, the timeout decision is taken and shown in the timeline', async ({ page }) => {
  await page.clock.install();
  await openDrill(page, drill.title);
  // Play the first choice until a timed decision comes up.
  const timer = page.getByRole('timer', { name: '剩余时间' });
  for (let i = 0; i < 50 && !(await timer.isVisible()); i++) {
    if ((await currentScreen(page)) === 'debrief') throw new Error('no timed decision on the first-choice path');
    await page.keyboard.press((await currentScreen(page)) === 'decision' ? '1' : 'Enter');
    await currentScreen(page);
  }
  const nodeTitle = await page.getByRole('heading', { level: 1 }).textContent();
  const node = drill.nodes.find((n) => n.title === nodeTitle);
  if (node?.kind !== 'decision' || !node.timeLimitSec) throw new Error(`not a timed node: ${nodeTitle}`);

  await page.clock.runFor((node.timeLimitSec - 5) * 1000);
  await expect(timer).toHaveClass(/warning/);
  await page.clock.runFor(6_000);

  const timeoutChoice = node.choices.find((c) => c.id === node.timeoutChoice);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(timeoutChoice?.label ?? '');
  await expect(page.getByText('限时内没有作出决定')).toBeVisible();

  await playToDebrief(page);
  const timedOutRow = page.getByRole('table', { name: '时间线' }).getByRole('row').filter({ hasText: '超时' });
  await expect(timedOutRow).toHaveCount(1);
  await expect(timedOutRow).toContainText(nodeTitle ?? '');
  await expect(timedOutRow).toContainText(timeoutChoice?.label ?? '');
});

test('a countdown keeps running across a reload: reloading does not buy time', async ({ page }) => {
  await openDrill(page, drill.title);
  const keys = keysTo(
    drill,
    (state) => currentDecision(drill, state)?.timeLimitSec !== undefined,
    await savedSeed(page),
  );
  await pressThrough(page, keys ?? []);
  const timer = page.getByRole('timer', { name: '剩余时间' });
  const seconds = async () => Number((await timer.locator('.countdown-value').textContent())?.replace(/\D/g, ''));
  const before = await seconds();
  await page.waitForTimeout(3_000);
  await page.reload();
  await expect(timer).toBeVisible();
  expect(await seconds()).toBeLessThanOrEqual(before - 2);
});
