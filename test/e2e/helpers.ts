import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { debrief } from '../../src/engine/debrief';
import { replay } from '../../src/engine/run';
import type { Decision } from '../../src/engine/types';
import { load } from '../../src/scenario/load';
import type { Scenario } from '../../src/scenario/schema';

export const DRILL_FILE = 'scenarios/early-warning.json';

export function shippedDrill(file = DRILL_FILE): Scenario {
  const result = load(readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error(`${file} does not load: ${JSON.stringify(result.problems)}`);
  return result.scenario;
}

export async function openDrill(page: Page, title: string): Promise<void> {
  await page.goto('/');
  await page
    .getByRole('article', { name: title })
    .getByRole('button', { name: /开始演练/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.keyboard.press('Enter');
}

type Screen = 'decision' | 'consequence' | 'debrief';

export async function currentScreen(page: Page): Promise<Screen> {
  const decision = page.getByRole('list', { name: /你的决定/ });
  const consequence = page.getByRole('button', { name: /^(继续|查看复盘)$/ });
  const debriefHeading = page.getByRole('heading', { name: '三项得分' });
  await expect(decision.or(consequence).or(debriefHeading).first()).toBeVisible();
  if (await debriefHeading.isVisible()) return 'debrief';
  if (await consequence.isVisible()) return 'consequence';
  return 'decision';
}

/** Takes decisions by number key (1 when `pick` says nothing) until the debrief. */
export async function playToDebrief(page: Page, pick: (decision: number) => string = () => '1'): Promise<void> {
  for (let decision = 0; decision < 100; decision++) {
    const screen = await currentScreen(page);
    if (screen === 'debrief') return;
    if (screen === 'consequence') {
      await page.keyboard.press('Enter');
      continue;
    }
    await page.keyboard.press(pick(decision));
    await expect(page.getByRole('button', { name: /^(继续|查看复盘)$/ })).toBeFocused();
  }
  throw new Error('the drill did not end within 100 decisions');
}

export async function savedDecisions(page: Page): Promise<Decision[]> {
  const saved = await page.evaluate(() => window.localStorage.getItem('tuiyan'));
  return JSON.parse(saved ?? '{}').state.run.decisions;
}

export async function savedSeed(page: Page): Promise<number> {
  const saved = await page.evaluate(() => window.localStorage.getItem('tuiyan'));
  return JSON.parse(saved ?? '{}').state.run.seed;
}

/** The report the engine computes, in Node, for the run the browser saved. */
export async function expectedReport(page: Page, scenario: Scenario) {
  const state = replay(scenario, await savedSeed(page), await savedDecisions(page));
  return debrief(scenario, state);
}
