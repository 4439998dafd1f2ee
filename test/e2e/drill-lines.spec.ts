/**
 * Each shipped drill played in Chromium on its best and its worst line, by number key as a
 * trainee would: the ending the line is written for, and the best line ahead on every dimension.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { choose, currentDecision, offeredChoices, start } from '../../src/engine/run';
import { TIMEOUT } from '../../src/engine/types';
import { load } from '../../src/scenario/load';
import type { Scenario } from '../../src/scenario/schema';
import { DIMENSION_LABEL } from '../../src/ui/format';
import { DRILL_LINES } from '../lines/all';
import type { DrillLine } from '../lines/types';
import { expect, test } from './fixtures';
import { openDrill, savedSeed } from './helpers';

/** The key for each step, found by replaying the line in Node with the run's own seed. */
function keysFor(scenario: Scenario, line: DrillLine, seed: number): string[] {
  let state = start(scenario, seed);
  return line.steps.map((step) => {
    if (step === TIMEOUT) throw new Error('a line played here takes no timeouts: the countdown would take minutes');
    const node = currentDecision(scenario, state);
    const index = offeredChoices(scenario, state).findIndex((c) => c.id === step);
    if (!node || index < 0) throw new Error(`"${step}" is not on offer at ${state.nodeId}`);
    [state] = choose(scenario, state, step, 1000);
    return String(index + 1);
  });
}

async function playLine(page: Page, scenario: Scenario, line: DrillLine): Promise<Record<string, number>> {
  await openDrill(page, scenario.title);
  const keys = keysFor(scenario, line, await savedSeed(page));
  for (const key of keys) {
    await expect(page.getByRole('list', { name: /你的决定/ })).toBeVisible();
    await page.keyboard.press(key);
    const next = page.getByRole('button', { name: /^(继续|查看复盘)$/ });
    await expect(next).toBeFocused();
    await next.press('Enter');
  }
  const ending = scenario.nodes.find((n) => n.id === line.ending);
  await expect(page.getByRole('heading', { level: 1, name: ending?.title })).toBeVisible();
  const scores: Record<string, number> = {};
  const list = page.getByRole('list', { name: '三项得分' });
  for (const [dimension, label] of Object.entries(DIMENSION_LABEL)) {
    const text = await list.getByRole('listitem').filter({ hasText: label }).textContent();
    scores[dimension] = Number(/(\d+) 分/.exec(text ?? '')?.[1]);
  }
  return scores;
}

for (const lines of DRILL_LINES) {
  const result = load(readFileSync(lines.file, 'utf8'));
  if (!result.ok) throw new Error(`${lines.file} does not load`);
  const scenario = result.scenario;

  test(`${scenario.title}: the best line ends well and beats the worst on every dimension`, async ({ browser }) => {
    test.setTimeout(120_000);
    const [bestPage, worstPage] = await Promise.all([browser.newPage(), browser.newPage()]);
    const best = await playLine(bestPage, scenario, lines.best);
    const worst = await playLine(worstPage, scenario, lines.worst);
    for (const dimension of Object.keys(DIMENSION_LABEL)) {
      expect(best[dimension], dimension).toBeGreaterThan(worst[dimension] as number);
    }
  });
}
