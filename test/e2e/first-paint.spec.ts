/**
 * The library is in the page the server sends (drawn at build time, scripts/vite-prerender.ts), so
 * its cards are painted before any script runs; the app then takes that DOM over as it is. What
 * was saved (a run, the text size) is shown as soon as it has.
 */
import { expect, test } from './fixtures';
import { shippedDrill, startFromLibrary } from './helpers';

const drill = shippedDrill();

declare global {
  interface Window {
    __cardsRemoved?: number;
  }
}

test('the page as sent holds the drills’ cards, and the app takes them over without drawing them again', async ({
  page,
}) => {
  const html = await (await page.request.get('/')).text();
  expect(html).toContain(`<h2 id="drill-${drill.id}"`);
  expect(html).toContain(drill.title);

  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  // Counts every card taken out of the page from its first parse: hydration that failed would redraw them.
  await page.addInitScript(() => {
    window.__cardsRemoved = 0;
    new MutationObserver((records) => {
      for (const r of records) {
        for (const node of r.removedNodes) {
          if (
            node instanceof Element &&
            (node.matches('article.drill-card') || node.querySelector('article.drill-card'))
          )
            window.__cardsRemoved = (window.__cardsRemoved ?? 0) + 1;
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('/');
  // Interactive: a click on the drawn page starts the drill.
  await startFromLibrary(page, drill.title);
  expect(await page.evaluate(() => window.__cardsRemoved)).toBe(1); // the library leaving for the briefing
  expect(errors).toEqual([]);
});

test('a page sent with the library goes straight on with a saved run, in the saved text size', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('checkbox', { name: '大字号（投影时用）' }).check();
  await startFromLibrary(page, drill.title);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: drill.title })).toBeVisible();
  await expect(page.locator('.app')).toHaveClass(/text-large/);
  await expect(page.locator('article.drill-card')).toHaveCount(0);
});
