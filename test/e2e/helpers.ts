import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import axe from 'axe-core';
import { debrief } from '../../src/engine/debrief';
import { choose, currentDecision, offeredChoices, replay, start } from '../../src/engine/run';
import type { Decision, RunState } from '../../src/engine/types';
import { load } from '../../src/scenario/load';
import type { Scenario } from '../../src/scenario/schema';

export const DRILL_FILE = 'scenarios/early-warning.json';

export function shippedDrill(file = DRILL_FILE): Scenario {
  const result = load(readFileSync(file, 'utf8'));
  if (!result.ok) throw new Error(`${file} does not load: ${JSON.stringify(result.problems)}`);
  return result.scenario;
}

/** Opens the library at `url` (the served build's root unless given) and starts the drill by keyboard. */
export async function openDrill(page: Page, title: string, url = '/'): Promise<void> {
  await page.goto(url);
  // By keyboard, as a trainee without a mouse would: Tab to the drill's start button.
  const button = page.getByRole('article', { name: title }).getByRole('button', { name: /开始演练/ });
  await expect(button).toBeVisible();
  for (let i = 0; i < 60 && !(await button.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.keyboard.press('Enter');
}

/** From the library on screen, starts the drill `title` by a click on its card, and waits for its briefing. */
export async function startFromLibrary(page: Page, title: string): Promise<void> {
  await page
    .getByRole('article', { name: title })
    .getByRole('button', { name: /开始演练/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/**
 * The number keys that lead, in play, from the start to a decision where `wanted` holds
 * (found by a breadth-first search over the engine in Node), or null.
 */
export function keysTo(
  scenario: Scenario,
  wanted: (state: RunState) => boolean,
  seed: number,
  limit = 20_000,
): string[] | null {
  const queue: { state: RunState; keys: string[] }[] = [{ state: start(scenario, seed), keys: [] }];
  for (let seen = 0; queue.length > 0 && seen < limit; seen++) {
    const { state, keys } = queue.shift() as { state: RunState; keys: string[] };
    if (currentDecision(scenario, state) && wanted(state)) return keys;
    offeredChoices(scenario, state).forEach((choice, i) => {
      if (i < 9) queue.push({ state: choose(scenario, state, choice.id, 1000)[0], keys: [...keys, String(i + 1)] });
    });
  }
  return null;
}

/** Presses the keys, continuing through each consequence, and waits for the next decision. */
export async function pressThrough(page: Page, keys: readonly string[]): Promise<void> {
  for (const key of keys) {
    await expect(page.getByRole('list', { name: /你的决定/ })).toBeVisible();
    await page.keyboard.press(key);
    await expect(page.getByRole('button', { name: '继续' })).toBeFocused();
    await page.keyboard.press('Enter');
  }
  await expect(page.getByRole('list', { name: /你的决定/ })).toBeVisible();
}

type Screen = 'decision' | 'consequence' | 'debrief';

export async function currentScreen(page: Page): Promise<Screen> {
  const decision = page.getByRole('list', { name: /你的决定/ });
  const consequence = page.getByRole('button', { name: /^(继续|查看复盘)$/ });
  const debriefHeading = page.getByRole('heading', { name: '三项得分' });
  // Long enough for a page that is busy for a while: on file:// the debrief's search runs on the page.
  await expect(decision.or(consequence).or(debriefHeading).first()).toBeVisible({ timeout: 30_000 });
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

/** A page, or a frame the app runs in (as in an LMS's page): where the save is read. */
type Evaluates = Pick<Page, 'evaluate'>;

/**
 * What storage holds under `key` once the app's held-back save is written: the app writes it in an
 * idle moment after the next paint (save-storage.ts), and an idle callback asked for later runs after it.
 */
export async function savedText(page: Evaluates, key = 'tuiyan'): Promise<string | null> {
  return await page.evaluate(
    (k) =>
      new Promise<string | null>((done) =>
        window.requestIdleCallback(() => done(window.localStorage.getItem(k)), { timeout: 2000 }),
      ),
    key,
  );
}

export async function savedDecisions(page: Page): Promise<Decision[]> {
  return JSON.parse((await savedText(page)) ?? '{}').state.run.decisions;
}

/** The screen the saved run is at ('briefing', 'decision'…), or undefined with no run saved. */
export async function savedView(page: Evaluates): Promise<string | undefined> {
  return JSON.parse((await savedText(page)) ?? '{}').state?.run?.view;
}

/**
 * The saved run's screen and how many decisions it holds: a screen alone may be an earlier one of
 * the same kind (the decision before last), still in storage while the latest change is held back.
 */
export async function savedAt(page: Evaluates): Promise<[string | undefined, number | undefined]> {
  const run = JSON.parse((await savedText(page)) ?? '{}').state?.run;
  return [run?.view, run?.decisions?.length];
}

export async function savedSeed(page: Page): Promise<number> {
  return JSON.parse((await savedText(page)) ?? '{}').state.run.seed;
}

/** The report the engine computes, in Node, for the run the browser saved. */
export async function expectedReport(page: Page, scenario: Scenario) {
  const state = replay(scenario, await savedSeed(page), await savedDecisions(page));
  return debrief(scenario, state);
}

/** The rules every screen is held to: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe-core in the page, colour contrast included (a real browser computes it), and fails
 * with each violation's rule and targets. `what` names the screen in the failure.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern: no inline script.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async (tags) => {
    const run = (window as unknown as { axe: typeof import('axe-core') }).axe.run;
    const result = await run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary}`).join('; ')}`,
    );
  }, AXE_TAGS);
  expect(violations, `axe on ${what}`).toEqual([]);
}
