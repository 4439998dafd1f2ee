import { expect, test } from './fixtures';
import { currentScreen, expectAccessible, openDrill, shippedDrill } from './helpers';

const drill = shippedDrill();

/** The columns of the main screen: each one's key, whether it waits laid out ahead, and whether its heading is seen. */
const columns = (page: import('@playwright/test').Page) =>
  page.locator('main.decision-main > [data-column]').evaluateAll((all) =>
    all.map((c) => ({
      key: (c as HTMLElement).dataset.column,
      laidOut: (c as HTMLElement).style.getPropertyValue('content-visibility') === 'hidden',
      seen: c.querySelector('h1')?.checkVisibility() ?? false,
      height: c.getBoundingClientRect().height,
    })),
  );

test('the screens drawn ahead wait laid out and unseen; a key shows one whole, in the flow, with focus on it', async ({
  page,
}) => {
  await openDrill(page, drill.title);
  const choices = page.getByRole('list', { name: /你的决定/ });
  await expect(choices).toBeVisible();
  // Each choice's consequence, once the page is idle: laid out, yet nothing of it seen, read or reachable.
  await expect
    .poll(async () => (await columns(page)).filter((c) => c.laidOut).length)
    .toBe(await choices.getByRole('listitem').count());
  const before = await columns(page);
  expect(before.filter((c) => c.seen)).toHaveLength(1);
  expect(before.filter((c) => c.laidOut).every((c) => !c.seen && c.height === 0)).toBe(true);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByRole('button', { name: '继续' })).toHaveCount(0);
  await expectAccessible(page, 'a decision with its consequences laid out ahead');

  // What the very next frame shows (its animation callback, asked for before the app sees the key).
  await page.evaluate(() => {
    const w = window as unknown as { __firstFrame?: Promise<string[]> };
    w.__firstFrame = new Promise((done) =>
      window.addEventListener(
        'keydown',
        () =>
          requestAnimationFrame(() =>
            done(
              [...document.querySelectorAll('main.decision-main > [data-column] h1')]
                .filter((h) => h.checkVisibility())
                .map((h) => h.closest<HTMLElement>('[data-column]')?.dataset.column ?? ''),
            ),
          ),
        { capture: true, once: true },
      ),
    );
  });
  await page.keyboard.press('1');
  const firstFrame = await page.evaluate(() => (window as unknown as { __firstFrame: Promise<string[]> }).__firstFrame);
  expect(firstFrame).toHaveLength(1);
  expect(firstFrame[0]).toMatch(/^consequence:1:/);
  // The consequence shown is the one laid out ahead, in the flow, whole; focus on its 继续.
  const next = page.getByRole('button', { name: '继续' });
  await expect(next).toBeFocused();
  const after = await columns(page);
  const shown = after.filter((c) => c.seen);
  expect(shown).toHaveLength(1);
  expect(shown[0]?.key).toMatch(/^consequence:1:/);
  expect(shown[0]?.laidOut).toBe(false);
  expect(shown[0]?.height).toBeGreaterThan(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);

  // And back to a decision the same way: the next one was laid out ahead while this was read.
  await expect.poll(async () => (await columns(page)).some((c) => c.key === 'decision:1' && c.laidOut)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: /你的决定/ })).toBeVisible();
  const decision = (await columns(page)).filter((c) => c.seen);
  expect(decision.map((c) => [c.key, c.laidOut])).toEqual([['decision:1', false]]);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('the debrief waits laid out behind the last consequence, reaching for nothing, and 查看复盘 shows it whole', async ({
  page,
}) => {
  await openDrill(page, drill.title);
  for (let i = 0; i < 100; i++) {
    if ((await currentScreen(page)) === 'decision') {
      await page.keyboard.press('1');
      continue;
    }
    if (await page.getByRole('button', { name: '查看复盘' }).isVisible()) break;
    await page.keyboard.press('Enter');
  }
  // Not its copy drawn unseen, there for two frames.
  const debrief = page.locator('main.debrief:not([inert])');
  // Once the page is idle and the debrief's code fetched: a second or so here, more on a slow host.
  await expect(debrief).toHaveCSS('content-visibility', 'hidden', { timeout: 15_000 });
  await expect(debrief.locator('h1')).toBeHidden();
  // Its own box, its padding over the page's top, takes no click there and is no second main.
  const box = await debrief.evaluate((m) => {
    const r = m.getBoundingClientRect();
    return { height: r.height, hit: document.elementsFromPoint(r.x + r.width / 2, r.y + r.height / 2).includes(m) };
  });
  expect(box).toEqual({ height: expect.any(Number), hit: false });
  expect(box.height).toBeGreaterThan(0);
  await expect(page.getByRole('main')).toHaveCount(1);
  // What the very next frame after Enter on 查看复盘 shows: the debrief, in the flow, and no run.
  await page.evaluate(() => {
    const w = window as unknown as { __firstFrame?: Promise<object> };
    w.__firstFrame = new Promise((done) =>
      window.addEventListener(
        'keydown',
        () =>
          requestAnimationFrame(() => {
            const main = document.querySelector<HTMLElement>('main.debrief:not([inert])');
            done({
              debrief: main?.querySelector('h1')?.checkVisibility() ?? false,
              inFlow: main ? getComputedStyle(main).position : '',
              run: document.querySelector<HTMLElement>('.screen.run')?.checkVisibility() ?? false,
            });
          }),
        { capture: true, once: true },
      ),
    );
  });
  await expect(page.getByRole('button', { name: '查看复盘' })).toBeFocused();
  await page.keyboard.press('Enter');
  const firstFrame = await page.evaluate(() => (window as unknown as { __firstFrame: Promise<object> }).__firstFrame);
  expect(firstFrame).toEqual({ debrief: true, inFlow: 'static', run: false });
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(debrief).toHaveCSS('content-visibility', 'visible');
  await expect(debrief).toHaveCSS('position', 'static');
  expect((await debrief.boundingBox())?.height).toBeGreaterThan(1000);
});
