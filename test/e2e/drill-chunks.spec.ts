/**
 * The shipped drills as the browser gets them: the index preloaded with the first load, each drill a
 * chunk fetched when needed. A chunk that does not come is said on its card, and asking again
 * fetches it again; a saved run whose drill does not come keeps its progress.
 */
import { expect, test } from './fixtures';
import { shippedDrill, startFromLibrary } from './helpers';

const drill = shippedDrill();
const CHUNK = '**/assets/early-warning-*.js';

test('the drills’ index comes with the first load, and no drill’s chunk before it is needed', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto('/');
  await expect(page.getByRole('article', { name: drill.title })).toBeVisible();
  // Bundled into the first load: no request of its own, and the first screen is drawn with its cards.
  expect(requested.filter((u) => u.includes('shipped-drills'))).toEqual([]);
  const first = requested.filter((u) => u.includes('early-warning-'));
  expect(first.length).toBeLessThanOrEqual(1); // at most the idle prefetch, after the cards
});

test('the run’s code, fetched while the library is idle, carries V8’s compile hint; the first load does not', async ({
  page,
}) => {
  const HINT = '//# allFunctionsCalledOnLoad\n';
  const entry = page.waitForResponse(/\/assets\/index-[^/]*\.js$/);
  const run = page.waitForResponse(/\/assets\/run-[\w-]{8}\.js$/);
  await page.goto('/');
  expect((await (await entry).text()).startsWith(HINT)).toBe(false);
  expect((await (await run).text()).startsWith(HINT)).toBe(true);
});

test('a drill whose chunk does not come says so on its card, and 开始演练 again starts it', async ({ page }) => {
  await page.route(CHUNK, (route) => route.abort('internetdisconnected'));
  await page.goto('/');
  const card = page.getByRole('article', { name: drill.title });
  await card.getByRole('button', { name: /开始演练/ }).click();
  await expect(card.getByRole('alert')).toContainText('演练内容没有载入成功');

  await page.unroute(CHUNK);
  await card.getByRole('button', { name: /开始演练/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: drill.title })).toBeVisible();
});

test('a reload into a run whose drill does not come keeps the progress, and 重试 goes on', async ({ page }) => {
  await page.goto('/');
  await startFromLibrary(page, drill.title);
  await page.keyboard.press('Enter');
  await expect(page.getByText('第 1 个决定')).toBeVisible();

  await page.route(CHUNK, (route) => route.abort('internetdisconnected'));
  await page.reload();
  await expect(page.getByText(/演练内容没有载入成功/)).toBeVisible();
  await page.unroute(CHUNK);
  await page.getByRole('button', { name: '重试' }).click();
  await expect(page.getByText('第 1 个决定')).toBeVisible();
});
