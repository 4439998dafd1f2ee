import { powerInForce } from '../../src/engine/powers-in-force';
import { lawfulness } from '../../src/engine/rules';
import { offeredChoices } from '../../src/engine/run';
import { expect, test } from './fixtures';
import { keysTo, openDrill, pressThrough, savedSeed, shippedDrill } from './helpers';

const drill = shippedDrill();
const ownRegion = drill.regions?.find((r) => r.id === drill.roleRegion);

test('the status board and the cases chart move on after a decision', async ({ page }) => {
  test.skip(!ownRegion, 'the shipped drill declares no world');
  await openDrill(page, drill.title);
  const board = page.getByRole('region', { name: /各地态势/ });
  const ownRow = board
    .getByRole('row')
    .filter({ hasText: ownRegion?.name ?? '' })
    .first();
  const chart = page.getByRole('img', { name: /各地累计感染随推演时间的变化/ });
  await expect(ownRow).toBeVisible();
  await expect(chart).toBeVisible();

  // The world advances in 6-hour steps: take decisions until one lets enough time pass.
  for (let i = 0; i < 12; i++) {
    const rowBefore = await ownRow.textContent();
    const chartBefore = await chart.getAttribute('aria-label');
    await page.keyboard.press('1');
    await expect(page.getByRole('button', { name: /^(继续|查看复盘)$/ })).toBeFocused();
    const chartAfter = await chart.getAttribute('aria-label');
    if (chartAfter !== chartBefore) {
      await expect(ownRow).not.toHaveText(rowBefore ?? '');
      const changes = page.getByRole('table', { name: '各地变化' });
      await expect(changes.getByRole('row').filter({ hasText: ownRegion?.name ?? '' })).toContainText(/\+\d/);
      return;
    }
    await page.keyboard.press('Enter');
  }
  throw new Error('no decision on the first-choice path moved the world');
});

test('a choice exercising a power the trainee does not hold is scored as unlawful, citing its basis', async ({
  page,
}) => {
  const unlawful = drill.nodes
    .flatMap((n) => (n.kind === 'decision' ? n.choices : []))
    .find(
      (c) =>
        c.power !== undefined &&
        !c.timeoutOnly &&
        !powerInForce(drill, c.power)?.holders.includes(drill.roleActor ?? ''),
    );
  test.skip(!unlawful, 'the shipped drill has no choice that exercises a power');
  const power = powerInForce(drill, unlawful?.power ?? '');
  await openDrill(page, drill.title);
  const seed = await savedSeed(page);
  const keys = keysTo(
    drill,
    (state) =>
      offeredChoices(drill, state).some((c) => c.id === unlawful?.id) &&
      !lawfulness(drill, state.grants, unlawful?.power ?? '', state.clock).lawful,
    seed,
  );
  expect(keys, 'a path to the unlawful choice').not.toBeNull();
  await pressThrough(page, keys ?? []);
  const button = page.getByRole('button', { name: new RegExp(unlawful?.label.slice(0, 12) ?? '') });
  const key = await button.locator('kbd').textContent();
  await page.keyboard.press(key ?? '');

  const events = page.getByRole('list', { name: '本次决定的评分' });
  const event = events.locator(':scope > li').filter({ hasText: `无权自行“${power?.name}”` });
  await expect(event).toContainText('法无授权不可为');
  await expect(event).toContainText(/−\d+/);
  const basis = drill.references?.find((r) => r.id === power?.basis[0]);
  if (basis?.kind === 'law') await expect(event).toContainText(basis.article);
});
